package coop.ledger.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a write request says besides its body: who records it, the version it expects (If-Match) and the
 * Idempotency-Key that makes a retry safe. Resolved from headers by {@link WriteContextResolver}.
 */
public record WriteContext(String recordedBy, Long expectedVersion, String idempotencyKey) {

    /**
     * An id for a new record the client did not name. Derived from the Idempotency-Key when there is one, so a
     * retried creation names the same record and is recognised as the same request.
     */
    public String newRecordId() {
        return idempotencyKey == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
