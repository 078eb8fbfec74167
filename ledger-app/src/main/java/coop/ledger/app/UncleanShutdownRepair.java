package coop.ledger.app;

import com.zaxxer.hikari.HikariDataSource;
import coop.ledger.audit.LedgerVerifier;
import coop.ledger.audit.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Detects that the H2 store was not closed cleanly last time (the process was killed, or the machine stopped) and
 * repairs it before the application uses it: a marker file next to the store is written when the data source is
 * created and removed only after the data source, and with it the store, has been closed on a clean stop. When the
 * marker is there at start-up, the store is opened on one connection of its own, before the connection pool, Flyway
 * or Axon, its {@linkplain H2Leftovers leftovers} are rolled back, and the ledger's hash chains and seals are
 * verified; only then does the start go on (the HTTP port opens after that, so no write can arrive meanwhile).
 * PostgreSQL and in-memory H2 stores are left alone.
 */
@Component
class UncleanShutdownRepair implements DestructionAwareBeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(UncleanShutdownRepair.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Path marker = marker(bean);
        if (marker != null) {
            HikariDataSource dataSource = (HikariDataSource) bean;
            if (Files.exists(marker)) {
                repair(dataSource, marker);
            }
            write(marker);
        }
        return bean;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return marker(bean) != null;
    }

    /** A clean stop: the pool closes (and with its last session H2 closes the store), then the marker goes. */
    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        Path marker = marker(bean);
        ((HikariDataSource) bean).close();
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("could not remove {}: the next start will check the store as after a crash", marker, e);
        }
    }

    private static void repair(HikariDataSource dataSource, Path marker) {
        log.warn("The store was not closed cleanly ({} is there): repairing it before the ledger starts", marker);
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword())) {
            Map<String, Integer> rolledBack = H2Leftovers.rollBack(connection);
            long repaired = System.nanoTime();
            log.warn("Rolled back {} entries left by transactions a crash ended ({}), in {} ms",
                    rolledBack.values().stream().mapToInt(Integer::intValue).sum(), rolledBack,
                    (repaired - started) / 1_000_000);
            verify(connection, repaired);
        } catch (SQLException e) {
            throw new IllegalStateException("could not repair the store after an unclean shutdown", e);
        }
    }

    private static void verify(Connection connection, long started) {
        if (!hasEventTable(connection)) {
            return; // the crash came before the schema was created: nothing to verify
        }
        try {
            VerificationReport report = new LedgerVerifier().verify(connection);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (report.verified()) {
                log.warn("Verified the ledger after the repair: {} events, {} seals, in {} ms", report.events(),
                        report.seals(), millis);
            } else {
                log.error("The ledger does NOT verify after the repair: {} (checked in {} ms); see "
                        + "GET /api/integrity and the verify mode", report, millis);
            }
        } catch (SQLException e) {
            log.error("Could not verify the ledger after the repair", e);
        }
    }

    private static boolean hasEventTable(Connection connection) {
        try (var tables = connection.getMetaData().getTables(null, null, "DOMAIN_EVENT_ENTRY", null)) {
            return tables.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void write(Path marker) {
        try {
            Files.createDirectories(marker.toAbsolutePath().getParent());
            Files.writeString(marker, "opened " + Instant.now() + " by process " + ProcessHandle.current().pid()
                    + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the store's open marker " + marker, e);
        }
    }

    /** {@code <store>.open} next to {@code <store>.mv.db}, for an H2 file store; null for any other data source. */
    private static Path marker(Object bean) {
        if (!(bean instanceof HikariDataSource dataSource) || dataSource.getJdbcUrl() == null
                || !dataSource.getJdbcUrl().startsWith(H2_FILE)) {
            return null;
        }
        String path = dataSource.getJdbcUrl().substring(H2_FILE.length());
        int parameters = path.indexOf(';');
        return Path.of((parameters < 0 ? path : path.substring(0, parameters)) + ".open");
    }
}
