package coop.ledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event store exactly as stored: the bytes of payload and metadata and the timestamp text are what
 * the hash covers, never a re-serialisation of them.
 */
record StoredEvent(long position, String eventId, String aggregateId, long sequence, String aggregateType,
                          String timestamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData, String hash, String previousHash) {

    /** The columns {@link #read(ResultSet)} expects, in the order of {@code domain_event_entry}'s reads. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data, event_hash, previous_hash";

    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10), rs.getString(11),
                rs.getString(12));
    }

    /** The hash this row's content and stored previous hash give; equal to {@link #hash()} unless it was altered. */
    public String computedHash() {
        return EventHash.of(eventId, aggregateId, sequence, aggregateType, timestamp, payloadType, payloadRevision,
                payload, metaData, previousHash);
    }
}
