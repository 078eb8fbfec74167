package coop.ledger.importing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar ledger-app.jar import FILE [--recorded-by=NAME] [--spring properties]}: imports a file into the
 * ledger's store without starting the web server, shows progress on standard error, prints the report on
 * standard output, and exits 0 when every row was recorded (or already was), 2 when rows were rejected.
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
            long size = Math.max(1, Files.size(file));
            Progress progress = new Progress(System.err, size);
            ImportReport report = context.getBean(LedgerImporter.class)
                    .importFile(in, ImportFormat.guess(file.toString()), recordedBy, progress);
            progress.finish(report);
            System.out.println(context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
            return report.rejected() == 0 ? 0 : 2;
        }
    }

    /** Prints rows done, rate and rejections at most twice a second, on one line that it rewrites. */
    private static final class Progress implements ImportProgress {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long lastPrint;

        Progress(PrintStream out, long fileSize) {
            this.out = out;
        }

        @Override
        public void rowDone(long rowsDone, long rejected) {
            long now = System.nanoTime();
            if (now - lastPrint > 500_000_000L) {
                lastPrint = now;
                double seconds = Math.max(0.001, (now - started) / 1e9);
                out.printf("\rimporting: %,d rows done, %,d rejected, %.0f rows/s", rowsDone, rejected,
                        rowsDone / seconds);
                out.flush();
            }
        }

        void finish(ImportReport report) {
            out.printf("\rimported %,d rows: %,d recorded, %,d already recorded, %,d rejected, in %.1f s%n",
                    report.rows(), report.recorded(), report.alreadyRecorded(), report.rejected(),
                    report.durationMillis() / 1000.0);
            for (ImportReport.Rejection r : report.rejections()) {
                out.printf("  line %d (%s, %s %s): %s%n", r.line(), r.path(), r.kind(),
                        r.recordId() == null ? "" : r.recordId(), r.reason());
            }
        }
    }
}
