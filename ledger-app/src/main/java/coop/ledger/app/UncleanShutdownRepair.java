package coop.ledger.app;

import com.zaxxer.hikari.HikariDataSource;
import coop.ledger.audit.LedgerVerifier;
import coop.ledger.audit.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>
 * It also keeps the file small where a stop allows it: a repair ends with {@code SHUTDOWN COMPACT} (the crashed
 * run left its dead chunks in the file, and the repair has just read every page anyway), and with
 * {@value #COMPACT_ON_STOP} set (the jar's command-line modes set it) a clean stop is followed by one more open of
 * the store and {@code SHUTDOWN COMPACT}, which rewrites the file down to its live data. Otherwise a clean stop
 * compacts for at most H2's {@code MAX_COMPACT_TIME} (see the data source URL).
 */
@Component
class UncleanShutdownRepair implements DestructionAwareBeanPostProcessor, EnvironmentAware {

    /** Property: compact the store fully after a clean stop ({@code true} in the command-line modes). */
    static final String COMPACT_ON_STOP = "ledger.h2.compact-on-stop";

    private static final Logger log = LoggerFactory.getLogger(UncleanShutdownRepair.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    private boolean compactOnStop;

    @Override
    public void setEnvironment(Environment environment) {
        compactOnStop = environment.getProperty(COMPACT_ON_STOP, Boolean.class, false);
    }

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
        HikariDataSource dataSource = (HikariDataSource) bean;
        dataSource.close();
        if (compactOnStop) {
            compact(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            log.warn("could not remove {}: the next start will check the store as after a crash", marker, e);
        }
    }

    /**
     * Opens the closed H2 store at {@code url} once more and closes it with {@code SHUTDOWN COMPACT}, which copies
     * its live data into a new file and replaces the old one: the file shrinks to about its data, in a time that
     * grows with the data. A failure is logged, not thrown: the store is intact either way, only larger.
     */
    static long compact(String url, String user, String password) {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            log.warn("could not compact the store after its stop; it keeps its size until the next compaction", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Compacted the store in {} ms", millis);
        return millis;
    }

    /**
     * What a repair did and how long it took: the rollback of leftovers, the verification, then the compacting
     * close.
     */
    record Outcome(int rolledBack, long repairMillis, long verifyMillis, long compactMillis,
                   VerificationReport report) {
    }

    private static void repair(HikariDataSource dataSource, Path marker) {
        log.warn("The store was not closed cleanly ({} is there): repairing it before the ledger starts", marker);
        Outcome outcome = repair(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        log.warn("Rolled back {} entries left by transactions a crash ended, in {} ms", outcome.rolledBack(),
                outcome.repairMillis());
        VerificationReport report = outcome.report();
        if (report == null) {
            log.warn("Compacted the store after the repair in {} ms", outcome.compactMillis());
            return;
        }
        if (report.verified()) {
            log.warn("Verified the ledger after the repair: {} events, {} seals, in {} ms", report.events(),
                    report.seals(), outcome.verifyMillis());
        } else {
            log.error("The ledger does NOT verify after the repair: {} (checked in {} ms); see GET /api/integrity and "
                    + "the jar's verify mode", report, outcome.verifyMillis());
        }
        log.warn("Compacted the store after the repair in {} ms", outcome.compactMillis());
    }

    /** Repairs the H2 store at {@code url}, which no other process or connection may have open, and verifies it. */
    static Outcome repair(String url, String user, String password) {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Map<String, Integer> rolledBack = H2Leftovers.rollBack(connection);
            if (!rolledBack.isEmpty()) {
                log.warn("Leftovers per H2 map: {}", rolledBack);
            }
            long repaired = System.nanoTime();
            VerificationReport report = verify(connection);
            long verified = System.nanoTime();
            // The crash left the file as large as the run made it (dead chunks included); the repair has read every
            // page already, so a full compaction now costs about as much again and brings the file down to its data.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return new Outcome(rolledBack.values().stream().mapToInt(Integer::intValue).sum(),
                    (repaired - started) / 1_000_000, (verified - repaired) / 1_000_000,
                    (System.nanoTime() - verified) / 1_000_000, report);
        } catch (SQLException e) {
            throw new IllegalStateException("could not repair the store after an unclean shutdown", e);
        }
    }

    /** The verifier's report, or null when there is nothing to verify (the crash came before the schema). */
    private static VerificationReport verify(Connection connection) {
        if (!hasEventTable(connection)) {
            return null;
        }
        try {
            return new LedgerVerifier().verify(connection);
        } catch (SQLException e) {
            log.error("Could not verify the ledger after the repair", e);
            return null;
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
