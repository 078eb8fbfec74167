package coop.ledger.app;

import coop.ledger.audit.VerificationReport;
import coop.ledger.processing.Projections;
import coop.ledger.testing.BenchmarkHistory;
import coop.ledger.testing.TestUsers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (profile {@code bench}, not part of the suite) of the H2 store after a crash and of its size on disk
 * (issue 18): appends {@code bench.events} events (default 1,000,000) through the event store while sampling the
 * size of {@code ledger.mv.db}, stops the store as a crash would ({@code SHUTDOWN IMMEDIATELY}: files closed, nothing
 * written, no compaction), times the start-up repair ({@link UncleanShutdownRepair}: leftovers rolled back, then the
 * verifier), and measures the file after a clean start and stop. Prints {@code BENCH} lines; figures only.
 * <p>
 * {@code mvn -B -o -Pbench -pl ledger-app -am test -Dtest=StoreRepairBenchmark -Dbench.events=100000}
 * <p>
 * It lives in the application's package because the repair it times is package-private.
 */
class StoreRepairBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    /** H2 settings added to the store's URL to compare, e.g. {@code ;RETENTION_TIME=5000}; none by default. */
    private static final String H2_OPTIONS = System.getProperty("bench.h2-options", "");
    private static final long MB = 1024 * 1024;

    @Test
    void measure() throws Exception {
        LedgerApplication.quietAxon();
        Path dataDir = Path.of("target", "bench", "repair-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("ledger.mv.db");
        String url = "jdbc:h2:file:" + dataDir + "/ledger;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + H2_OPTIONS;

        FileSizeWatch watch = new FileSizeWatch(file);
        long appended = 0;
        ConfigurableApplicationContext context = start(dataDir);
        {
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            processor.shutdownAsync().get(60, TimeUnit.SECONDS); // the appends alone are measured
            EventStore eventStore = context.getBean(EventStore.class);
            TransactionManager tx = context.getBean(TransactionManager.class);
            long start = System.nanoTime();
            for (int chunk = 0; appended < EVENTS; chunk++) {
                List<GenericDomainEventMessage<?>> history = BenchmarkHistory.chunk("rb" + chunk);
                List<GenericDomainEventMessage<?>> take = history.subList(0,
                        (int) Math.min(history.size(), EVENTS - appended));
                for (int from = 0; from < take.size(); from += 2000) {
                    List<GenericDomainEventMessage<?>> batch = take.subList(from, Math.min(take.size(), from + 2000));
                    tx.executeInTransaction(() -> eventStore.publish(batch));
                }
                appended += take.size();
            }
            double appendSeconds = (System.nanoTime() - start) / 1e9;
            long running = Files.size(file);
            new JdbcTemplate(context.getBean(DataSource.class)).execute("SHUTDOWN IMMEDIATELY");
            watch.stop();
            row("events appended (" + String.format("%,.0f", appended / appendSeconds) + " events/s)", appended, "events");
            row("h2 file, largest while appending", watch.max() / (double) MB, "MB", appended, watch.max());
            row("h2 file at the end of the appends", running / (double) MB, "MB", appended, running);
        }
        try {
            context.close();
        } catch (RuntimeException closingAfterTheCrash) {
            // the close meets a store that is gone, as it would after a real crash
        }
        // The marker the crashed process would have left (a clean close of the context removed it).
        Files.writeString(dataDir.resolve("ledger.open"), "crashed\n");
        long crashed = Files.size(file);
        row("h2 file after the crash", crashed / (double) MB, "MB", appended, crashed);

        UncleanShutdownRepair.Outcome outcome = UncleanShutdownRepair.repair(url, "sa", "");
        VerificationReport report = outcome.report();
        row("repair: leftovers rolled back (" + outcome.rolledBack() + ") over " + appended + " events",
                outcome.repairMillis() / 1000.0, "s", null, null);
        row("repair: verifier over " + report.events() + " events (verified=" + report.verified() + ")",
                outcome.verifyMillis() / 1000.0, "s", null, null);
        long repaired = Files.size(file);
        row("h2 file after the repair (store closed by it)", repaired / (double) MB, "MB", appended, repaired);

        Files.deleteIfExists(dataDir.resolve("ledger.open"));
        try (ConfigurableApplicationContext restarted = start(dataDir)) {
            restarted.getBean(DataSource.class).getConnection().close();
        }
        long clean = Files.size(file);
        row("h2 file after a clean start and stop", clean / (double) MB, "MB", appended, clean);
        long target = 3 * clean + 64 * MB;
        row("target 3 x clean + 64 MB; largest seen is", Math.max(watch.max(), crashed) / (double) target * 100,
                "% of the target", null, null);
        System.out.println("StoreRepairBenchmark: H2 options '" + H2_OPTIONS + "', data in " + dataDir);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/ledger;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                        + H2_OPTIONS,
                "--ledger.audit.seal-interval=0", "--logging.level.root=WARN",
                "--logging.level.coop.ledger.app.UncleanShutdownRepair=WARN"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private static void row(String what, double value, String unit) {
        System.out.printf("BENCH | %-70s | %12s %s%n", what, String.format("%,.1f", value), unit);
    }

    private static void row(String what, double value, String unit, Long events, Long bytes) {
        String perEvent = events == null || bytes == null || events == 0 ? ""
                : String.format(" (%,.0f bytes per event)", bytes / (double) events);
        System.out.printf("BENCH | %-70s | %12s %s%s%n", what, String.format("%,.1f", value), unit, perEvent);
    }

    /** Samples the file's size every 100 ms and keeps the largest. */
    private static final class FileSizeWatch {
        private final AtomicLong max = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        FileSizeWatch(Path file) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (Files.exists(file)) {
                            max.accumulateAndGet(Files.size(file), Math::max);
                        }
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "file-size-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long max() {
            return max.get();
        }
    }
}
