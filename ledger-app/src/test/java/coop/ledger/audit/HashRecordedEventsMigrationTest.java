package coop.ledger.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Events recorded before the ledger hashed its appends get their chains from migration 6.1, and then verify. */
class HashRecordedEventsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void events_recorded_before_hashing_are_chained_by_the_migration_and_verify() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/ledger";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2").target("2").load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            insert(connection, "kaizhou", 0, "{\"code\":\"kaizhou\",\"nameZh\":\"开州区\"}");
            insert(connection, "yunyang", 0, "{\"code\":\"yunyang\",\"nameZh\":\"云阳县\"}");
            insert(connection, "kaizhou", 1, "{\"code\":\"kaizhou\",\"nameZh\":\"重庆市开州区\"}");
        }

        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new HashRecordedEventsMigration()).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            VerificationReport report = new LedgerVerifier().verify(connection);
            assertThat(report.verified()).as("%s", report).isTrue();
            assertThat(report.events()).isEqualTo(3);
            var rs = connection.createStatement().executeQuery("SELECT previous_hash, event_hash FROM "
                    + "domain_event_entry WHERE aggregate_identifier = 'kaizhou' ORDER BY sequence_number");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(EventHash.GENESIS);
            String first = rs.getString(2);
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(first);
        }
    }

    private static void insert(Connection connection, String aggregate, long sequence, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, "
                + "payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Party', ?, ?, ?, NULL, ?, ?)")) {
            insert.setString(1, aggregate);
            insert.setLong(2, sequence);
            insert.setString(3, aggregate + "-" + sequence);
            insert.setBytes(4, "{\"recordedBy\":\"fgw\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(6, "coop.ledger.party.api.PartyRegisteredEvent");
            insert.setString(7, "2020-12-0" + (sequence + 1) + "T08:00:00.000Z");
            insert.executeUpdate();
        }
    }
}
