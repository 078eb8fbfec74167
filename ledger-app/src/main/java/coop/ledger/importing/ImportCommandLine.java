package coop.ledger.importing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar ledger-app.jar import FILE [--recorded-by=NAME] [--spring properties]}: imports a file into the
 * ledger's store without starting the web server, prints progress lines (rows done, rows/s, time left) on
 * standard error, prints the report on standard output, and exits 0 when every row was recorded (or already was),
 * 2 when rows were rejected.
 */
public final class ImportCommandLine {

    private ImportCommandLine() {
    }

    public static int run(Class<?> application, String[] args) throws Exception {
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        String recordedBy = "import:" + System.getProperty("user.name", "cli");
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--recorded-by=")) {
                recordedBy = "import:" + args[i].substring("--recorded-by=".length());
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (file == null) {
                file = Path.of(args[i]);
            }
        }
        if (file == null || !Files.isReadable(file)) {
            System.err.println("usage: java -jar ledger-app.jar import FILE.json|FILE.csv [--recorded-by=NAME] "
                    + "[--ledger.data-dir=DIR]" + (file == null ? "" : "\ncannot read " + file));
            return 64;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // The report is the output; the application's own start-up log would bury it. The import wrote a chunk per
        // commit, so the H2 file holds many dead ones: the stop compacts it fully (see UncleanShutdownRepair).
        app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "ledger.h2.compact-on-stop", "true"));
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new));
             InputStream in = Files.newInputStream(file)) {
            JsonMapper json = context.getBean(JsonMapper.class);
            ImportFormat format = ImportFormat.guess(file.toString());
            Duration interval = context.getEnvironment().getProperty("ledger.import.progress-interval",
                    Duration.class, Duration.ofSeconds(2));
            Progress progress = new Progress(System.err, ImportRowCount.of(file, format, json).rows(), interval);
            ImportReport report = context.getBean(LedgerImporter.class).importFile(in, format, recordedBy, progress);
            progress.finish(report);
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.rejected() == 0 ? 0 : 2;
        }
    }

    /**
     * Prints a line with the rows done of the file's rows, the rows refused, the rate and the time left, every
     * {@code ledger.import.progress-interval} (default 2 s; lines rather than one rewritten line, so that a log or a
     * pipe keeps them too). The rate and the time left are {@link ImportRate}'s, as an import job shows them.
     */
    static final class Progress implements ImportProgress {
        private final PrintStream out;
        private final long rowsTotal;
        private final long intervalNanos;
        private final long started = System.nanoTime();
        private long lastPrint;

        Progress(PrintStream out, long rowsTotal, Duration interval) {
            this.out = out;
            this.rowsTotal = rowsTotal;
            this.intervalNanos = interval.toNanos();
            this.lastPrint = started;
        }

        @Override
        public void rowDone(long rowsDone, long rejected) {
            long now = System.nanoTime();
            if (now - lastPrint >= intervalNanos) {
                lastPrint = now;
                out.println(line(rowsDone, rejected, (now - started) / 1_000_000));
                out.flush();
            }
        }

        String line(long rowsDone, long rejected, long elapsedMillis) {
            ImportRate rate = ImportRate.of(rowsDone, rowsTotal, elapsedMillis);
            long percent = rowsTotal == 0 ? 100 : rowsDone * 100 / rowsTotal;
            return String.format(Locale.ROOT, "importing: %,d of %,d rows (%d%%), %,d rejected, %,.0f rows/s, %s",
                    rowsDone, rowsTotal, percent, rejected, rate.rowsPerSecond(),
                    rate.etaSeconds() == null ? "time left unknown" : "about " + duration(rate.etaSeconds())
                            + " left");
        }

        static String duration(long seconds) {
            if (seconds < 60) {
                return seconds + " s";
            }
            if (seconds < 3600) {
                return seconds / 60 + " min " + seconds % 60 + " s";
            }
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }

        void finish(ImportReport report) {
            out.printf("imported %,d rows: %,d recorded, %,d already recorded, %,d rejected, in %.1f s%n",
                    report.rows(), report.recorded(), report.alreadyRecorded(), report.rejected(),
                    report.durationMillis() / 1000.0);
            for (ImportReport.Rejection r : report.rejections()) {
                out.printf("  line %d (%s, %s %s): %s%n", r.line(), r.path(), r.kind(),
                        r.recordId() == null ? "" : r.recordId(), r.reason());
            }
        }
    }
}
