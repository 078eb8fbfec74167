package coop.ledger.eventstore;

import coop.ledger.shared.LedgerEvent;
import coop.ledger.shared.RecordHistory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@link RecordHistory} the aggregates consult when a correction names the event it cites: that one event,
 * read from the event store in the command's own transaction.
 */
@Component
class StoredRecordHistory implements RecordHistory {

    private final EventStorageEngine storage;

    StoredRecordHistory(EventStorageEngine storage) {
        this.storage = storage;
    }

    @Override
    public Optional<LedgerEvent> event(String recordId, long sequence) {
        Optional<? extends DomainEventMessage<?>> message = storage instanceof CommitOrderedEventStorageEngine engine
                ? engine.readEvent(recordId, sequence)
                : storage.readEvents(recordId, sequence).asStream().findFirst();
        return message.filter(m -> m.getSequenceNumber() == sequence)
                .map(DomainEventMessage::getPayload)
                .filter(LedgerEvent.class::isInstance)
                .map(LedgerEvent.class::cast);
    }
}
