package coop.ledger.opendata;

import coop.ledger.shared.web.Refusable;
import coop.ledger.shared.web.Refusal;
import org.springframework.http.HttpStatus;

import java.time.Instant;

/**
 * The ledger had recorded no signed project (at the instant asked about), and an OC4IDS package holds at least one
 * project: answered with 404 rather than a package the standard's schema would refuse.
 */
class NothingToPublishException extends RuntimeException implements Refusable {

    NothingToPublishException(Instant recordedAt) {
        super(recordedAt == null ? "the ledger has recorded no signed project yet"
                : "the ledger had recorded no signed project at " + recordedAt);
    }

    @Override
    public Refusal refusal() {
        return Refusal.of(HttpStatus.NOT_FOUND, "nothing-to-publish", "Nothing to publish", getMessage());
    }
}
