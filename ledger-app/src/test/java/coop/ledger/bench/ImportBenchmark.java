package coop.ledger.bench;

import coop.ledger.app.LedgerApplication;
import coop.ledger.importing.ImportCommandLineBench;
import coop.ledger.testing.ImportFiles;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import against its floor, the same database committing plain rows in batches of 1,000: a generated CSV of
 * {@code bench.import-rows} rows (default 100,000; parties, agreements, cooperation items with progress, payments)
 * through the jar's {@code import} mode and through {@code POST /api/imports}, each into a fresh H2 store. Adds its
 * figures to {@code target/bench/results.json} under {@code import} (and its lines to the table) after
 * {@link LedgerBenchmark}, or writes the file alone. No assertion is about time.
 */
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("bench.import-rows", 100_000);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    @Test
    void measure() throws Exception {
        LedgerApplication.quietAxon();
        Path dir = Path.of("target", "bench", "import-" + RUN).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("import.csv");
        List<String> lines = ImportFiles.csv("bench", ROWS, false);
        Files.write(file, lines, StandardCharsets.UTF_8);
        int rows = lines.size() - 1;
        figures.put("rows", rows);

        double floor = batchFloor(dir.resolve("floor"));
        figures.put("floorBatch1000RowsPerSecond", floor);
        row("h2 floor: JDBC insert, commit every 1,000 rows", floor, "rows/s", null);

        ImportCommandLineBench.Result cli = ImportCommandLineBench.run(LedgerApplication.class, file,
                dir.resolve("cli"));
        double cliRate = cli.recorded() / (cli.millis() / 1000.0);
        double threadMsPerRow = cli.threadCpuNanos() / 1e6 / cli.rows();
        double processMsPerRow = cli.processCpuNanos() / 1e6 / cli.rows();
        figures.put("cli", Map.of("rows", cli.rows(), "recorded", cli.recorded(), "rejected", cli.rejected(),
                "seconds", cli.millis() / 1000.0, "rowsPerSecond", cliRate, "ratioToFloor", cliRate / floor,
                "importingThreadCpuMsPerRow", threadMsPerRow, "processCpuMsPerRow", processMsPerRow));
        row("h2 import " + rows + " CSV rows, jar import mode", cliRate, "rows/s", cliRate / floor);
        // Load-independent figures: what the import costs in CPU. The importing thread's rate on a core of its own
        // is 1,000 / its ms per row; the process's other threads (projections, compaction, JIT, GC) share the rest.
        row("  jar import mode: importing thread CPU per row", threadMsPerRow, "ms", null);
        row("  jar import mode: process CPU per row (all threads)", processMsPerRow, "ms", null);

        try (ConfigurableApplicationContext app = start(dir.resolve("http"))) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            long begin = System.nanoTime();
            long cpuBegin = processCpuNanos();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/imports")).header("Authorization", TestUsers.basic("ndrc-office"))
                    .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode report = finishedReport(http, port, response);
            double seconds = (System.nanoTime() - begin) / 1e9;
            double httpCpuMsPerRow = (processCpuNanos() - cpuBegin) / 1e6 / rows;
            long recorded = report.get("recorded").asLong();
            double rate = recorded / seconds;
            figures.put("http", Map.of("rows", report.get("rows").asLong(), "recorded", recorded,
                    "rejected", report.get("rejected").asLong(), "seconds", seconds, "rowsPerSecond", rate,
                    "ratioToFloor", rate / floor, "processCpuMsPerRow", httpCpuMsPerRow));
            row("h2 import " + rows + " CSV rows, POST /api/imports", rate, "rows/s", rate / floor);
            row("  POST /api/imports: process CPU per row (all threads)", httpCpuMsPerRow, "ms", null);
        }
        write();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Plain rows of about the size of an import row's events, committed 1,000 at a time. */
    private static double batchFloor(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("floor")
                + ";WRITE_DELAY=0", "sa", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE bench_floor (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "payload VARBINARY(2000))");
            }
            connection.setAutoCommit(false);
            byte[] payload = "川渝".repeat(50).getBytes(StandardCharsets.UTF_8);
            int total = 200_000;
            long begin = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_floor (payload) VALUES (?)")) {
                for (int i = 1; i <= total; i++) {
                    insert.setBytes(1, payload);
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return total / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /**
     * The import's report: the answer itself for a small file (200), or, for a file the server runs as a job (202,
     * as every file above {@code ledger.import.async-above-rows} rows is), the job's report once it is done, polled
     * every 100 ms as a client would.
     */
    private static JsonNode finishedReport(HttpClient http, int port, HttpResponse<String> response)
            throws Exception {
        if (response.statusCode() == 200) {
            return JSON.readTree(response.body());
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        URI job = URI.create("http://localhost:" + port + response.headers().firstValue("Location").orElseThrow());
        while (true) {
            Thread.sleep(100);
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(job)
                    .header("Authorization", TestUsers.basic("ndrc-office")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = JSON.readTree(status.body());
            String state = body.path("state").asString();
            if (state.equals("done")) {
                return body.get("report");
            }
            if (!state.equals("queued") && !state.equals("running")) {
                throw new IllegalStateException("import job ended " + state + ": " + status.body());
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--ledger.audit.seal-interval=0", "--logging.level.root=WARN",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private void row(String what, double value, String unit, Double ratio) {
        String[] cells = {what, String.format(value >= 100 ? "%,.0f" : "%.2f", value), unit,
                ratio == null ? "" : String.format("%.0f%% of batch floor", ratio * 100)};
        table.add(cells);
        System.out.printf("BENCH | %-70s | %12s %-30s | %6s%n", (Object[]) cells);
    }

    /** Adds the figures to the run's results.json (the one LedgerBenchmark wrote before, if any). */
    private void write() throws Exception {
        Path out = Path.of("target", "bench", "results.json");
        ObjectNode results = Files.exists(out) ? (ObjectNode) JSON.readTree(out.toFile()) : JSON.createObjectNode();
        ObjectNode h2 = results.has("h2") ? (ObjectNode) results.get("h2") : results.putObject("h2");
        h2.set("import", JSON.valueToTree(figures));
        ArrayNode rows = results.has("table") ? (ArrayNode) results.get("table") : results.putArray("table");
        table.forEach(cells -> rows.add(JSON.valueToTree(cells)));
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("Import figures added to " + out.toAbsolutePath());
    }
}
