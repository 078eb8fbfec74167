package coop.ledger.opendata;

import coop.ledger.opendata.Oc4ids.ProjectPackage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Publishes the signed projects as an OC4IDS project package, now or as the ledger recorded them at an instant; the
 * endpoint and the jar's {@code export-oc4ids} mode both publish through this. The publisher's name, base URI,
 * project identifier prefix and licence are settings ({@code ledger.open-data.*}).
 */
@Component
class Oc4idsPublisher {

    private final LedgerReader reader;
    private final Publication publication;
    private final Clock clock;

    Oc4idsPublisher(LedgerReader reader, Clock clock,
                    @Value("${ledger.open-data.publisher-name:Cooperation Ledger 合作协议台账}") String publisherName,
                    @Value("${ledger.open-data.base-uri:http://localhost:8080}") String baseUri,
                    @Value("${ledger.open-data.project-id-prefix:coop-ledger-}") String projectIdPrefix,
                    @Value("${ledger.open-data.license:}") String license) {
        this.reader = reader;
        this.clock = clock;
        this.publication = new Publication(publisherName, baseUri, projectIdPrefix, license);
    }

    /**
     * The package as the ledger recorded it at {@code recordedAt} (null: now); empty when it had recorded no
     * signed project by then.
     */
    Optional<ProjectPackage> publish(Instant recordedAt) {
        RecordedLedger ledger = reader.at(recordedAt != null ? recordedAt : clock.instant());
        return ProjectPackages.of(ledger, publication, recordedAt);
    }
}
