package coop.ledger.opendata;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * Reads the whole event store once, in the order it was committed, into a {@link RecordedLedger} as of an instant.
 * The event store, not the dashboard's projections, is the source: it is the only place that knows what the ledger
 * said at an earlier instant, and the one place whose events carry the reasons of corrections.
 */
@Component
class LedgerReader {

    private final EventStorageEngine storageEngine;

    LedgerReader(EventStorageEngine storageEngine) {
        this.storageEngine = storageEngine;
    }

    RecordedLedger at(Instant recordedAt) {
        RecordedLedger ledger = new RecordedLedger(recordedAt);
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            events.forEach(event -> {
                if (event instanceof DomainEventMessage<?> domainEvent && !event.getTimestamp().isAfter(recordedAt)) {
                    ledger.accept(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                            event.getTimestamp(), event.getPayload());
                }
            });
        }
        return ledger;
    }
}
