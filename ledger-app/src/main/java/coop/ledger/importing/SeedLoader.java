package coop.ledger.importing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * With {@code ledger.seed=true}, loads the dataset built from the source reports (classpath
 * {@code seed/cooperation-ledger-seed.json}) into an empty ledger on start, so a newcomer sees real records at once.
 * A ledger that already holds events is left alone.
 */
@Component
@ConditionalOnProperty(name = "ledger.seed", havingValue = "true")
class SeedLoader {

    public static final String DATASET = "seed/cooperation-ledger-seed.json";
    public static final String RECORDED_BY = "seed";
    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final LedgerImporter importer;
    private final EventStore eventStore;

    public SeedLoader(LedgerImporter importer, EventStore eventStore) {
        this.importer = importer;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoEmptyLedger() {
        if (!isEmpty()) {
            log.info("ledger.seed=true: the ledger already holds events, the seed dataset is not loaded");
            return;
        }
        try (InputStream in = new ClassPathResource(DATASET).getInputStream()) {
            ImportReport report = importer.importFile(in, ImportFormat.JSON, RECORDED_BY, ImportProgress.NONE);
            log.info("Seed dataset loaded: {} rows, {} recorded, {} already recorded, {} rejected", report.rows(),
                    report.recorded(), report.alreadyRecorded(), report.rejected());
            report.rejections().forEach(r -> log.warn("Seed row rejected: line {} {}: {}", r.line(), r.path(),
                    r.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException("the seed dataset " + DATASET + " is missing from the application", e);
        }
    }

    private boolean isEmpty() {
        try (var stream = eventStore.openStream(null)) {
            return !stream.hasNextAvailable();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }
}
