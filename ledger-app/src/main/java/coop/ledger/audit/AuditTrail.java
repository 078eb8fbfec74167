package coop.ledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the events of a record, or of the whole ledger, straight from the event store with what was recorded
 * alongside them. Nothing here writes: the audit trail is the event store itself.
 */
@Component
class AuditTrail {

    /** The metadata keys Axon's MessageOriginProvider writes: the conversation, and the message that caused it. */
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "traceId";
    static final String RECORDED_BY = "recordedBy";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public AuditTrail(EventStore eventStore, DataSource dataSource) {
        this.eventStore = eventStore;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The events of {@code recordId}, oldest first; empty when the ledger holds no such record. */
    public List<RecordedEvent> events(String recordId) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                }, recordId);
        List<RecordedEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(recordId, 0); // from the first event: never a snapshot
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new RecordedEvent(positions.getOrDefault(message.getIdentifier(), -1L),
                    message.getSequenceNumber(), message.getIdentifier(), message.getPayload(),
                    message.getTimestamp(), text(message.getMetaData().get(RECORDED_BY)),
                    text(message.getMetaData().get(CORRELATION_ID)), text(message.getMetaData().get(CAUSATION_ID))));
        }
        return events;
    }

    /** The timeline of {@code recordId}; empty when the ledger holds no such record. */
    public Optional<RecordTimeline> timeline(String recordId) {
        List<RecordedEvent> events = events(recordId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return AuditedConcept.of(events.get(0).payload())
                .map(concept -> new RecordTimeline(recordId, concept, events));
    }

    /** The ids of every record in the ledger, in the order they were created. */
    public List<String> recordIds() {
        return jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0 "
                + "ORDER BY global_index", String.class);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
