package coop.ledger.app;

import com.zaxxer.hikari.HikariDataSource;
import coop.ledger.audit.VerificationReport;
import coop.ledger.processing.Projections;
import coop.ledger.testing.BenchmarkHistory;
import coop.ledger.testing.TestUsers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (profile {@code bench}, not part of the suite) of the H2 store after a crash and of its size on disk
 * (issue 18), with the ledger's own data source URL (from {@code application.properties}) unless
 * {@code bench.h2-url-options} replaces its options. While sampling the size of {@code ledger.mv.db} every 100 ms
 * (the largest size of each phase is printed) it: appends {@code bench.events} events (default 1,000,000) through the
 * event store, projections stopped, and stops the ledger cleanly; starts it again and lets the projections catch up
 * on every event (the heaviest write load of the run: projection tables and tokens); appends a tenth as many more and
 * stops the store as a crash would ({@code SHUTDOWN IMMEDIATELY}: files closed, nothing written, no compaction);
 * times the start-up repair ({@link UncleanShutdownRepair}: leftovers rolled back, verifier, compacting close);
 * measures the file after a clean start and stop (the reference); and runs the jar's {@code import} mode on a CSV of
 * {@code bench.import-rows} parties (default 10,000) twice, after a warm-up import of a tenth as many,, each into a store of its own: with {@link H2Compaction}
 * at its default interval and with it off, for its cost on writes. Each size is compared with the target of issue
 * 18: 3 x the size after a clean stop, plus 64 MB. Prints {@code BENCH} lines and writes them to
 * {@code target/bench/store-repair.md}; figures only.
 * <p>
 * {@code mvn -B -o -Pbench -pl ledger-app -am test -Dtest=StoreRepairBenchmark -Dbench.events=100000}
 * <p>
 * It lives in the application's package because the repair it times is package-private.
 */
class StoreRepairBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int IMPORT_ROWS = Integer.getInteger("bench.import-rows", 10_000);
    /**
     * H2 URL options replacing the ledger's own (those of {@code application.properties}), e.g.
     * {@code ;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=45000} to compare; none by default.
     */
    private static final String H2_URL_OPTIONS = System.getProperty("bench.h2-url-options", "");
    private static final long MB = 1024 * 1024;

    private final List<String[]> table = new ArrayList<>();

    @Test
    void measure() throws Exception {
        LedgerApplication.quietAxon();
        System.out.printf("BENCH | %-70s | %s%n", "load average at the start", load());
        Path dataDir = Path.of("target", "bench", "repair-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("ledger.mv.db");
        FileSizeWatch watch = new FileSizeWatch(file);

        // 1. sustained writes, then a clean stop as the server does it (compaction bounded by MAX_COMPACT_TIME)
        String url;
        long appended;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
            appended = append(context, "rb", EVENTS);
            row("h2 file, largest during the appends", watch.phaseMax(), appended);
        }
        long stopped = Files.size(file);
        row("h2 file after a clean stop of the ledger", stopped, appended);

        // 2. a restart: the projections catch up on every event (the heaviest write load of the run), then more
        // appends, then a crash
        long crashed;
        Path crashImage = dataDir.resolveSibling(dataDir.getFileName() + "-crash.mv.db");
        ConfigurableApplicationContext context = start(dataDir);
        try {
            catchUp(context, appended);
            row("h2 file, largest while the projections catch up after a restart", watch.phaseMax(), appended);
            long more = append(context, "rc", Math.max(1, EVENTS / 10));
            appended += more;
            row("h2 file, largest during the appends after the restart", watch.phaseMax(), appended);
            new JdbcTemplate(context.getBean(DataSource.class)).execute("SHUTDOWN IMMEDIATELY");
            // The file as the crash left it. The context's close below lets the pool open the store again and close
            // it cleanly (which compacts it), which a crashed process would not do: the image is put back after.
            Files.copy(file, crashImage, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try {
                context.close();
            } catch (RuntimeException closingAfterTheCrash) {
                // the close meets a store that is gone, as it would after a real crash
            }
        }
        watch.phaseMax(); // the close after the simulated crash is not part of a real crash
        Files.move(crashImage, file, StandardCopyOption.REPLACE_EXISTING);
        // The marker the crashed process would have left (a clean close of the context removed it).
        Files.writeString(dataDir.resolve("ledger.open"), "crashed\n");
        crashed = Files.size(file);
        row("h2 file after the crash", crashed, appended);

        // 3. the start-up repair (leftovers, verifier, compacting close), then a clean start and stop
        UncleanShutdownRepair.Outcome outcome = UncleanShutdownRepair.repair(url, "sa", "");
        VerificationReport report = outcome.report();
        row("repair: leftovers rolled back (" + outcome.rolledBack() + ") over " + appended + " events",
                outcome.repairMillis() / 1000.0, "s");
        row("repair: verifier over " + report.events() + " events (verified=" + report.verified() + ")",
                outcome.verifyMillis() / 1000.0, "s");
        row("repair: SHUTDOWN COMPACT", outcome.compactMillis() / 1000.0, "s");
        row("repair: total before the start goes on", (outcome.repairMillis() + outcome.verifyMillis()
                + outcome.compactMillis()) / 1000.0, "s");
        row("h2 file after the repair (store closed by it)", Files.size(file), appended);
        Files.deleteIfExists(dataDir.resolve("ledger.open"));
        try (ConfigurableApplicationContext restarted = start(dataDir)) {
            // the projections are caught up already: start and stop only
            restarted.getBean(DataSource.class).getConnection().close();
        }
        watch.stop();
        long clean = Files.size(file);
        row("h2 file after a clean start and stop (the reference)", clean, appended);
        long target = 3 * clean + 64 * MB;
        row("target: 3 x clean + 64 MB", target, appended);
        row("largest seen (writes, catch-up, stops, crash) against the target",
                Math.max(watch.max(), crashed) / (double) target * 100, "% of the target");

        // 4. the jar's import mode, with H2Compaction and without it (its cost on writes), each in a store of its own
        Path importDir = dataDir.resolveSibling(dataDir.getFileName() + "-import");
        // a first import compiles the import path: otherwise whichever of the two runs first pays for it
        importMode(importDir.resolveSibling(importDir.getFileName() + "-warm"), "0s", IMPORT_ROWS / 10, false);
        double with = importMode(importDir.resolveSibling(importDir.getFileName() + "-a"), null, IMPORT_ROWS, true);
        double without = importMode(importDir.resolveSibling(importDir.getFileName() + "-b"), "0s", IMPORT_ROWS,
                true);
        row("import mode: rows/s with H2Compaction against without it", with / without * 100, "%");
        System.out.printf("BENCH | %-70s | %s%n", "load average at the end", load());
        System.out.println("StoreRepairBenchmark: data source " + url + ", data in " + dataDir);
        write();
    }

    /** Starts the projections and waits until they have applied every event; prints their rate. */
    private void catchUp(ConfigurableApplicationContext context, long events) throws Exception {
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        long head = new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.HOURS.toNanos(1);
        while (!caughtUp(processor, head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projections did not catch up: " + processor.processingStatus());
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        row("projections caught up on " + String.format("%,d", events) + " events (" + String.format("%,.0f",
                events / seconds) + " events/s)", seconds, "s");
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("projection segment failed", segment.getError());
            }
            if (segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The jar's import mode, in this JVM, on a CSV of parties (one event per row), with
     * {@code ledger.h2.compact-interval} set to {@code compactInterval} (null: the ledger's default); its rows/s,
     * printed when {@code report}.
     */
    private double importMode(Path dataDir, String compactInterval, int importRows, boolean report)
            throws Exception {
        String label = "import mode" + (compactInterval == null ? "" : " (compact-interval=" + compactInterval + ")");
        Files.createDirectories(dataDir);
        Path csv = dataDir.resolve("parties.csv");
        StringBuilder rows = new StringBuilder("record,code,nameZh,nameEn,kind\n");
        for (int i = 0; i < importRows; i++) {
            rows.append("party,bench-").append(i).append(",合作方").append(i).append(",Partner ").append(i)
                    .append(",ALLIANCE\n");
        }
        Files.writeString(csv, rows);
        Path file = dataDir.resolve("ledger.mv.db");
        FileSizeWatch watch = new FileSizeWatch(file);
        List<String> args = new ArrayList<>(List.of("import", csv.toString(), "--recorded-by=bench",
                "--ledger.data-dir=" + dataDir, "--ledger.audit.seal-interval=0"));
        if (!H2_URL_OPTIONS.isEmpty()) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDir + "/ledger" + H2_URL_OPTIONS);
        }
        if (compactInterval != null) {
            args.add("--ledger.h2.compact-interval=" + compactInterval);
        }
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        long started = System.nanoTime();
        int exit = coop.ledger.importing.ImportCommandLine.run(LedgerApplication.class, args.toArray(String[]::new));
        double seconds = (System.nanoTime() - started) / 1e9;
        watch.stop();
        long after = Files.size(file);
        double rate = importRows / seconds;
        if (!report) {
            return rate;
        }
        row(label + ": " + importRows + " rows, exit " + exit + " (" + String.format("%,.0f", rate)
                + " rows/s, start and stop included)", seconds, "s");
        row(label + ": h2 file, largest while importing", watch.max(), importRows);
        row(label + ": h2 file after the mode exits", after, importRows);
        row(label + ": largest against 3 x after-exit + 64 MB",
                watch.max() / (double) (3 * after + 64 * MB) * 100, "% of the target");
        return rate;
    }

    /** Appends {@code events} events through the event store in transactions of 2,000, projections stopped. */
    private static long append(ConfigurableApplicationContext context, String prefix, int events) throws Exception {
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get(60, TimeUnit.SECONDS); // the appends alone are measured
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionManager tx = context.getBean(TransactionManager.class);
        long appended = 0;
        long start = System.nanoTime();
        for (int chunk = 0; appended < events; chunk++) {
            List<GenericDomainEventMessage<?>> history = BenchmarkHistory.chunk(prefix + chunk);
            List<GenericDomainEventMessage<?>> take = history.subList(0,
                    (int) Math.min(history.size(), events - appended));
            for (int from = 0; from < take.size(); from += 2000) {
                List<GenericDomainEventMessage<?>> batch = take.subList(from, Math.min(take.size(), from + 2000));
                tx.executeInTransaction(() -> eventStore.publish(batch));
            }
            appended += take.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH | %-70s | %12s %s%n", "events appended (" + prefix + ")",
                String.format("%,d", appended), String.format("in %.1f s, %,.0f events/s", seconds, appended / seconds));
        return appended;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--ledger.audit.seal-interval=0", "--logging.level.root=WARN",
                "--logging.level.coop.ledger.app.UncleanShutdownRepair=WARN"));
        if (!H2_URL_OPTIONS.isEmpty()) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDir + "/ledger" + H2_URL_OPTIONS);
        }
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private void row(String what, long bytes, long events) {
        row(what, bytes / (double) MB, "MB", events == 0 ? ""
                : String.format("%,.0f bytes per event", bytes / (double) events));
    }

    private void row(String what, double value, String unit) {
        row(what, value, unit, "");
    }

    private void row(String what, double value, String unit, String note) {
        String[] cells = {what, String.format("%,.1f", value), unit, note};
        table.add(cells);
        System.out.printf("BENCH | %-70s | %12s %-16s | %s%n", (Object[]) cells);
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder("H2 URL options: `" + (H2_URL_OPTIONS.isEmpty() ? "the ledger's own"
                : H2_URL_OPTIONS) + "`, " + EVENTS + " events, " + IMPORT_ROWS + " import rows\n\n"
                + "| measurement | value | unit | |\n|---|---:|---|---|\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        Path out = Path.of("target", "bench", "store-repair.md");
        Files.writeString(out, md);
        System.out.println("Results written to " + out.toAbsolutePath());
    }

    /** Samples the file's size every 100 ms and keeps the largest. */
    private static final class FileSizeWatch {
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong phase = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        FileSizeWatch(Path file) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (Files.exists(file)) {
                            long size = Files.size(file);
                            max.accumulateAndGet(size, Math::max);
                            phase.accumulateAndGet(size, Math::max);
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

        /** The largest size since the last call (or the start), and a new phase from now. */
        long phaseMax() {
            return phase.getAndSet(0);
        }
    }
}
