package coop.ledger.audit;

import coop.ledger.eventstore.BatchAggregateCache;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's append, with the hash chain: serialises each event as Axon's own statement does, hashes exactly the
 * bytes and texts it is about to write, links the hash to the record's previous event (read on the same
 * connection, so in the same transaction) and writes both with the row. A concurrent append to the same record
 * fails on the unique (record, sequence) key as before, so no two events can claim the same predecessor.
 * <p>
 * Inside an import batch the previous hash is taken from the batch when the batch itself appended that event
 * ({@link BatchAggregateCache#chainHead}): the same hash, in the same transaction, without a read per event.
 */
public final class HashingAppendEvents implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", event_hash, previous_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
        PreparedStatement insert = connection.prepareStatement(sql);
        Map<String, String> heads = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            byte[] payloadBytes = (byte[]) payload.getData();
            byte[] metaDataBytes = (byte[]) metaData.getData();
            // the exact text Axon's default timestamp writer stores in a VARCHAR column
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String previous = heads.containsKey(event.getAggregateIdentifier())
                    ? heads.get(event.getAggregateIdentifier())
                    : previousHash(connection, schema, event);
            String hash = EventHash.of(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payloadBytes, metaDataBytes, previous);
            heads.put(event.getAggregateIdentifier(), hash);
            BatchAggregateCache.chainHeadAppended(event.getAggregateIdentifier(), event.getSequenceNumber(), hash);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payloadBytes);
            insert.setBytes(9, metaDataBytes);
            insert.setString(10, hash);
            insert.setString(11, previous);
            insert.addBatch();
        }
        return insert;
    }

    private static String previousHash(Connection connection, EventSchema schema, DomainEventMessage<?> event)
            throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return EventHash.GENESIS;
        }
        String appendedInBatch = BatchAggregateCache.chainHead(event.getAggregateIdentifier(),
                event.getSequenceNumber() - 1);
        if (appendedInBatch != null) {
            return appendedInBatch;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT event_hash FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, event.getAggregateIdentifier());
            select.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet rs = select.executeQuery()) {
                // No predecessor: the append will fail or the verifier will name the missing event; link to nothing.
                return rs.next() ? rs.getString(1) : EventHash.GENESIS;
            }
        }
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        return new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
    }
}
