package coop.ledger.audit;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Migration 6.1: hashes the events recorded before the ledger hashed its appends, with the same chain the append
 * builds (by record, in sequence order), so that every record's chain starts at its first event. It hashes the rows
 * as they are at migration time: tampering before this migration cannot be detected, and docs/auditors-guide.md says so.
 * Registered as a Spring bean; Spring Boot hands JavaMigration beans to Flyway.
 */
class HashRecordedEventsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "hash events recorded before hashing";
    }

    @Override
    public Integer getChecksum() {
        return 61;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        hashUnhashedEvents(context.getConnection());
    }

    /** Hashes every event without a hash; returns how many. */
    static int hashUnhashedEvents(Connection connection) throws SQLException {
        Map<String, String> heads = new HashMap<>();
        int hashed = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domain_event_entry SET event_hash = ?, previous_hash = ? WHERE global_index = ?")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = StoredEvent.read(rs);
                    String previous = heads.getOrDefault(event.aggregateId(), EventHash.GENESIS);
                    String hash = event.hash();
                    if (hash == null) {
                        hash = EventHash.of(event.eventId(), event.aggregateId(), event.sequence(),
                                event.aggregateType(), event.timestamp(), event.payloadType(),
                                event.payloadRevision(), event.payload(), event.metaData(), previous);
                        update.setString(1, hash);
                        update.setString(2, previous);
                        update.setLong(3, event.position());
                        update.addBatch();
                        if (++hashed % 500 == 0) {
                            update.executeBatch();
                        }
                    }
                    heads.put(event.aggregateId(), hash);
                }
            }
            update.executeBatch();
        }
        return hashed;
    }
}
