package coop.ledger.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a seal covers: settled events only, each event once, chained to the seal before. */
class LedgerSealerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private DataSource dataSource;

    @BeforeEach
    void emptyLedger() {
        dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.toAbsolutePath() + "/ledger", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new HashRecordedEventsMigration()).load().migrate();
    }

    @Test
    void seals_only_events_older_than_the_settle_time_and_chains_each_seal_to_the_one_before() throws Exception {
        record("kaizhou", 0, "2020-12-01T08:00:00.000Z");
        record("yunyang", 0, "2020-12-01T08:00:01.000Z");
        record("kaizhou", 1, "2025-12-31T23:59:59.500Z");

        Optional<Seal> first = sealerAt(NOW).seal();
        Optional<Seal> nothingNew = sealerAt(NOW).seal();
        Optional<Seal> second = sealerAt(NOW.plusSeconds(5)).seal();

        assertThat(first).get().extracting(Seal::position, Seal::events).containsExactly(2L, 2L);
        assertThat(first.get().previousRoot()).isEqualTo(EventHash.GENESIS);
        assertThat(nothingNew).isEmpty();
        assertThat(second).get().extracting(Seal::position, Seal::events).containsExactly(3L, 3L);
        assertThat(second.get().previousRoot()).isEqualTo(first.get().root());
        try (Connection connection = dataSource.getConnection()) {
            VerificationReport report = new LedgerVerifier().verify(connection);
            assertThat(report.verified()).as("%s", report).isTrue();
            assertThat(report.seals()).isEqualTo(2);
            assertThat(report.digest()).isEqualTo(second.get().root());
        }
    }

    @Test
    void refuses_to_seal_an_event_that_no_longer_matches_its_hash() throws Exception {
        record("kaizhou", 0, "2020-12-01T08:00:00.000Z");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE domain_event_entry SET time_stamp = "
                    + "'2020-12-02T08:00:00.000Z'");
        }

        assertThatThrownBy(() -> sealerAt(NOW).seal()).hasMessageContaining("refusing to seal");
        assertThat(sealerAt(NOW).seals()).isEmpty();
    }

    private LedgerSealer sealerAt(Instant now) {
        return new LedgerSealer(dataSource, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(2));
    }

    private void record(String aggregate, long sequence, String timestamp) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String previous = EventHash.GENESIS;
            if (sequence > 0) {
                var rs = connection.createStatement().executeQuery("SELECT event_hash FROM domain_event_entry "
                        + "WHERE aggregate_identifier = '" + aggregate + "' AND sequence_number = " + (sequence - 1));
                rs.next();
                previous = rs.getString(1);
            }
            byte[] payload = ("{\"code\":\"" + aggregate + "\"}").getBytes(StandardCharsets.UTF_8);
            SealedLedger.insertEvent(connection, aggregate, sequence, timestamp, payload, previous);
        }
    }
}
