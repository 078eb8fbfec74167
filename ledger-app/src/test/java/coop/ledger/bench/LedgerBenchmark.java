package coop.ledger.bench;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.agreement.api.CorrectPaymentCommand;
import coop.ledger.agreement.api.RecordPaymentCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.app.LedgerApplication;
import coop.ledger.audit.LedgerVerifier;
import coop.ledger.audit.VerificationReport;
import coop.ledger.testing.BenchmarkHistory;
import coop.ledger.processing.ProjectionRebuild;
import coop.ledger.processing.Projections;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.testing.PostgresNodes;
import coop.ledger.testing.TestUsers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Measures the ledger against the floor of its own database: durable single-row commits. Runs only with
 * {@code mvn -B -Pbench verify} (the default build's test includes never match {@code *Benchmark}). Prints a table
 * and writes {@code ledger-app/target/bench/results.json}. No assertion is about time: the machine is shared.
 *
 * <p>Properties: {@code bench.events} (events replayed, default 1,000,000), {@code bench.seconds} (length of each
 * throughput phase, default 5), {@code bench.postgres} (also measure on embedded PostgreSQL with fsync on, default
 * true), {@code bench.phases} (which of writes, replay, reads, growth, verifier and proofs to run, default all; reads
 * and proofs need the events the replay phase appends), {@code bench.keep-data} (keep the run's data directory, which is
 * deleted at the end otherwise).
 */
class LedgerBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final boolean POSTGRES = Boolean.parseBoolean(System.getProperty("bench.postgres", "true"));
    private static final boolean KEEP_DATA = Boolean.getBoolean("bench.keep-data");
    private static final Set<String> PHASES = Set.of(System.getProperty("bench.phases",
            "writes,replay,reads,growth,verifier,proofs").split(","));
    private static final String PAYLOAD = "川渝".repeat(10) + "x".repeat(500 - 60); // 500 bytes in UTF-8
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** CPU used while the last throughput phase measured (after its warm-up). */
    private CpuUse lastCpu;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measure() throws Exception {
        results.put("date", Instant.now().toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        results.put("properties", Map.of("bench.events", EVENTS, "bench.seconds", SECONDS, "bench.postgres", POSTGRES,
                "bench.phases", String.join(",", new TreeSet<>(PHASES))));
        Path dataDir = Path.of("target", "bench", "data-" + RUN).toAbsolutePath();
        Files.createDirectories(dataDir);
        LedgerApplication.quietAxon();
        try (ConfigurableApplicationContext h2 = start("h2", dataDir.toString())) {
            Map<String, Object> h2Results = new LinkedHashMap<>();
            results.put("h2", h2Results);
            if (PHASES.contains("writes")) {
                h2Results.put("floor8", floorAndWrites("h2", h2, h2Results));
            }
            if (PHASES.contains("replay")) {
                replay(h2, h2Results);
            }
            if (PHASES.contains("reads")) {
                reads(h2, h2Results);
            }
            if (PHASES.contains("growth")) {
                growth(h2, h2Results);
            }
            if (PHASES.contains("verifier")) {
                verifier(h2, h2Results);
            }
            if (PHASES.contains("proofs")) {
                coop.ledger.audit.ProofBenchmark.run(h2, h2Results, (what, value, unit) -> row(what, value, unit, null));
            }
        }
        if (POSTGRES && PHASES.contains("writes")) {
            PostgresNodes database = PostgresNodes.freshDatabase();
            Map<String, Object> pg = new LinkedHashMap<>();
            results.put("postgres", pg);
            pg.put("settings", Map.of("fsync", database.setting("fsync"),
                    "synchronous_commit", database.setting("synchronous_commit")));
            try (ConfigurableApplicationContext node = database.start("bench-pg",
                    "ledger.audit.seal-interval=0", "logging.level.root=WARN")) {
                floorAndWrites("postgres", node, pg);
            }
        }
        write();
        if (!KEEP_DATA) {
            deleteTree(dataDir);
        }
    }

    /** H2 keeps old chunks for 45 s under write load, so one run's store takes gigabytes: it goes at the end. */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // ---------------------------------------------------------------------------------------------------- set-up

    private ConfigurableApplicationContext start(String name, String dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--ledger.data-dir=" + dataDir,
                "--server.port=0",
                "--ledger.audit.seal-interval=0",
                "--logging.level.root=WARN",
                "--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    // ---------------------------------------------------------------------------------- 1 and 2: floor and writes

    private double floorAndWrites(String db, ConfigurableApplicationContext context, Map<String, Object> out)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE bench_floor (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                + "payload VARCHAR(1000) NOT NULL)");
        double floor1 = floor(dataSource, 1);
        double floor8 = floor(dataSource, 8);
        out.put("floor", Map.of("threads1RowsPerSecond", floor1, "threads8RowsPerSecond", floor8));
        row(db + " floor: JDBC insert+commit, 1 thread", floor1, "rows/s", null);
        row(db + " floor: JDBC insert+commit, 8 threads", floor8, "rows/s", null);

        CommandSender commands = context.getBean(CommandSender.class);
        Map<String, Object> writes = new LinkedHashMap<>();
        out.put("writes", writes);
        for (int threads : new int[]{1, 8}) {
            AtomicLong n = new AtomicLong();
            String prefix = "b" + RUN + db.charAt(0) + "c" + threads + "-";
            double rate = throughput(threads, t -> {
                String code = prefix + t + "-" + n.incrementAndGet();
                commands.send(code, new RegisterPartyCommand(code, "基准参与方", null, PartyKind.GOVERNMENT, null,
                        null), new WriteContext("bench", null, null));
            });
            writes.put("commandBus" + threads, Map.of("commandsPerSecond", rate, "ratioToFloor", rate / floor8,
                    "cpuMsPerCommand", lastCpu.perOperationMs()));
            row(db + " command bus, " + threads + " thread(s)", rate, "cmd/s", rate / floor8);
        }
        int port = port(context);
        for (int clients : new int[]{8, 64}) {
            AtomicLong n = new AtomicLong();
            String prefix = "b" + RUN + db.charAt(0) + "h" + clients + "-";
            AtomicLong failures = new AtomicLong();
            String admin = TestUsers.basic("ndrc-office");
            // one kept-alive connection per client: see KeepAliveHttp for why not java.net.http here
            double rate = throughputWith(clients, () -> new KeepAliveHttp(port), (KeepAliveHttp client) -> {
                String code = prefix + n.incrementAndGet();
                int status = client.post("/api/parties", admin, "{\"code\":\"" + code
                        + "\",\"nameZh\":\"基准参与方\",\"kind\":\"GOVERNMENT\"}");
                if (status != 201) {
                    failures.incrementAndGet();
                }
            });
            writes.put("http" + clients, Map.of("requestsPerSecond", rate, "ratioToFloor", rate / floor8,
                    "failures", failures.get(), "cpuMsPerRequest", lastCpu.perOperationMs(),
                    "clientCpuMsPerRequest", lastCpu.benchThreadsPerOperationMs()));
            row(db + " HTTP POST /api/parties, " + clients + " clients", rate, "req/s", rate / floor8);
        }
        httpAgainstCommandBus(db, writes, port);
        return floor8;
    }

    /**
     * Issue 19's HTTP write target: HTTP at 8 clients against the command bus at 8 threads of the same run; and, for
     * comparison, the same 8 clients through {@code java.net.http}, the client this phase used before.
     */
    @SuppressWarnings("unchecked")
    private void httpAgainstCommandBus(String db, Map<String, Object> writes, int port) throws Exception {
        AtomicLong n = new AtomicLong();
        String prefix = "b" + RUN + db.charAt(0) + "j8-";
        double jdk = throughput(8, t -> post(port, "/api/parties", "{\"code\":\"" + prefix + n.incrementAndGet()
                + "\",\"nameZh\":\"基准参与方\",\"kind\":\"GOVERNMENT\"}"));
        CpuUse jdkCpu = lastCpu;
        Map<String, Object> bus = (Map<String, Object>) writes.get("commandBus8");
        Map<String, Object> http = (Map<String, Object>) writes.get("http8");
        double bus8 = (double) bus.get("commandsPerSecond");
        double http8 = (double) http.get("requestsPerSecond");
        double busCpu = (double) bus.get("cpuMsPerCommand");
        double httpServerCpu = (double) http.get("cpuMsPerRequest") - (double) http.get("clientCpuMsPerRequest");
        writes.put("httpJavaNetHttp8", Map.of("requestsPerSecond", jdk, "cpuMsPerRequest", jdkCpu.perOperationMs(),
                "clientCpuMsPerRequest", jdkCpu.benchThreadsPerOperationMs()));
        writes.put("http8ToCommandBus8", http8 / bus8);
        writes.put("http8ToCommandBus8ByServerCpu", busCpu / httpServerCpu);
        row(db + " HTTP POST /api/parties, 8 clients through java.net.http", jdk, "req/s", null);
        row(db + " CPU per write: command bus, 8 threads", busCpu, "ms", null);
        row(db + " CPU per write: HTTP 8 clients, all / client threads", (double) http.get("cpuMsPerRequest"),
                String.format("ms / %.3f ms", (double) http.get("clientCpuMsPerRequest")), null);
        row(db + " CPU per write: java.net.http 8 clients, all / client threads", jdkCpu.perOperationMs(),
                String.format("ms / %.3f ms", jdkCpu.benchThreadsPerOperationMs()), null);
        row(db + " HTTP 8 clients / command bus 8 threads (target >= 60%)", 100 * http8 / bus8, "%", null);
        row(db + " same by CPU: command's / HTTP's server side", 100 * busCpu / httpServerCpu, "%", null);
    }

    private double floor(DataSource dataSource, int threads) throws Exception {
        return throughputWith(threads, () -> {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            return c;
        }, (Connection c) -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_floor (payload) VALUES (?)")) {
                insert.setString(1, PAYLOAD);
                insert.executeUpdate();
            }
        });
    }

    interface Work<T> {
        void run(T resource) throws Exception;
    }

    interface Open<T extends AutoCloseable> {
        T open() throws Exception;
    }

    private double throughput(int threads, Consumer<Integer> action) throws Exception {
        return throughputWith(threads, () -> () -> { }, (AutoCloseable none) -> action.accept(0));
    }

    /** Runs {@code work} on {@code threads} threads for one second of warm-up, then SECONDS; returns runs/s. */
    private <T extends AutoCloseable> double throughputWith(int threads, Open<T> open, Work<T> work)
            throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long end = warmUpEnd + TimeUnit.SECONDS.toNanos(SECONDS);
        CountDownLatch finished = new CountDownLatch(threads);
        AtomicLong clientCpu = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long cpuAtWarmUpEnd = -1;
                try (T resource = open.open()) {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        if (cpuAtWarmUpEnd < 0 && now >= warmUpEnd) {
                            cpuAtWarmUpEnd = CpuUse.threadCpuNow();
                        }
                        try {
                            work.run(resource);
                            if (now >= warmUpEnd) {
                                done.incrementAndGet();
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                e.printStackTrace();
                            }
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    if (cpuAtWarmUpEnd >= 0) {
                        clientCpu.addAndGet(CpuUse.threadCpuNow() - cpuAtWarmUpEnd);
                    }
                    finished.countDown();
                }
            }, "bench-" + t);
            thread.start();
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, warmUpEnd - System.nanoTime()));
        long processCpuAtWarmUpEnd = CpuUse.processCpuNow();
        finished.await();
        lastCpu = new CpuUse(CpuUse.processCpuNow() - processCpuAtWarmUpEnd, clientCpu.get(), done.get());
        return done.get() / (double) SECONDS;
    }

    private int post(int port, String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", TestUsers.basic("ndrc-office"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int get(int port, String path, String user) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", TestUsers.basic(user)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ 3: replay

    private void replay(ConfigurableApplicationContext context, Map<String, Object> out) throws Exception {
        EventStore eventStore = context.getBean(EventStore.class);
        TransactionManager tx = context.getBean(TransactionManager.class);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        TokenStore tokens = context.getBean(TokenStore.class);
        awaitProjections(jdbc, processor, tokens, Duration.ofMinutes(2));
        processor.shutdownAsync().get(60, TimeUnit.SECONDS);

        long appended = 0;
        long appendStart = System.nanoTime();
        for (int chunk = 0; appended < EVENTS; chunk++) {
            List<GenericDomainEventMessage<?>> history = BenchmarkHistory.chunk("r" + RUN + "c" + chunk);
            List<GenericDomainEventMessage<?>> take = history.subList(0,
                    (int) Math.min(history.size(), EVENTS - appended));
            for (int from = 0; from < take.size(); from += 2000) {
                List<GenericDomainEventMessage<?>> batch = take.subList(from, Math.min(take.size(), from + 2000));
                tx.executeInTransaction(() -> eventStore.publish(batch));
            }
            appended += take.size();
        }
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
        long inStore = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        processor.resetTokens();
        processor.start();
        awaitProjections(jdbc, processor, tokens, Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stop();
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("eventsAppended", appended);
        replay.put("appendEventsPerSecond", appended / appendSeconds);
        replay.put("eventsInStore", inStore);
        replay.put("seconds", seconds);
        replay.put("eventsPerSecond", inStore / seconds);
        replay.put("peakHeapMb", peak >> 20);
        replay.put("batchSize", context.getEnvironment().getProperty("ledger.projections.batch-size", "500"));
        replay.put("segments", context.getEnvironment().getProperty("ledger.projections.segments", "1"));
        out.put("replay", replay);
        row("h2 append " + appended + " events through the event store", appended / appendSeconds, "events/s", null);
        row("h2 processor catch-up from " + inStore + " events (reset + start)", inStore / seconds, "events/s",
                null);
        row("h2 peak heap during processor catch-up", peak >> 20, "MB", null);

        ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
        HeapWatch rebuildHeap = new HeapWatch();
        long rebuildStart = System.nanoTime();
        rebuild.start("bench").orElseThrow();
        while (rebuild.running()) {
            Thread.sleep(20);
        }
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long rebuildPeak = rebuildHeap.stop();
        ProjectionRebuild.Progress done = rebuild.progress();
        if (!done.state().equals("done")) {
            throw new IllegalStateException("rebuild ended " + done.state() + ": " + done.error());
        }
        awaitProjections(jdbc, processor, tokens, Duration.ofMinutes(5));
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        rebuilt.put("eventsInStore", inStore);
        rebuilt.put("seconds", rebuildSeconds);
        rebuilt.put("eventsPerSecond", inStore / rebuildSeconds);
        rebuilt.put("peakHeapMb", rebuildPeak >> 20);
        rebuilt.put("chunk", context.getEnvironment().getProperty("ledger.projections.rebuild-chunk", "2000"));
        out.put("rebuild", rebuilt);
        row("h2 rebuild of all projections from " + inStore + " events (emptying the tables included)",
                inStore / rebuildSeconds, "events/s", null);
        row("h2 peak heap during rebuild", rebuildPeak >> 20, "MB", null);
    }

    private static void awaitProjections(JdbcTemplate jdbc, StreamingEventProcessor processor, TokenStore tokens,
                                         Duration patience) throws InterruptedException {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            int segments = tokens.fetchSegments(Projections.PROCESSOR).length;
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (segments > 0 && status.size() >= segments && status.values().stream()
                    .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                throw new IllegalStateException("projection failed: " + status);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("projections did not reach " + head + ": " + processor.processingStatus());
    }

    /** Samples the used heap every 10 ms until stopped; returns the highest value seen. */
    private final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        HeapWatch() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }

    // ------------------------------------------------------------------------------------------------- 4: reads

    private void reads(ConfigurableApplicationContext context, Map<String, Object> out) throws Exception {
        int port = port(context);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("summary", "/api/summary");
        queries.put("filteredList", "/api/agreements?status=IN_FORCE&domain=TRANSPORT&from=2020-03-01&sort=signedOn,desc&size=20");
        Map<String, Object> reads = new LinkedHashMap<>();
        out.put("reads", reads);
        HeapWatch heap = new HeapWatch();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            int status = get(port, query.getValue(), TestUsers.VIEWER);
            if (status != 200) {
                throw new IllegalStateException(query.getValue() + " answered " + status);
            }
            for (int clients : new int[]{1, 16, 64}) {
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                AtomicLong failures = new AtomicLong();
                long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                double rate = throughput(clients, t -> {
                    long begin = System.nanoTime();
                    int s = get(port, query.getValue(), TestUsers.VIEWER);
                    if (s != 200) {
                        failures.incrementAndGet();
                    }
                    if (begin >= measureFrom) {
                        latencies.add(System.nanoTime() - begin);
                    }
                });
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                double p50 = percentile(sorted, 0.50);
                double p99 = percentile(sorted, 0.99);
                reads.put(query.getKey() + clients, Map.of("p50Ms", p50, "p99Ms", p99, "requestsPerSecond", rate,
                        "requests", sorted.length, "failures", failures.get()));
                row("h2 GET " + query.getKey() + ", " + clients + " clients: p50 / p99 ms",
                        p50, String.format("ms, p99 %.1f ms, %.0f req/s", p99, rate), null);
            }
            revalidations(port, query.getKey(), query.getValue(), reads);
        }
        long peak = heap.stop();
        reads.put("peakHeapMb", peak >> 20);
        reads.put("tomcatMaxThreads", context.getEnvironment().getProperty("server.tomcat.threads.max", "200"));
        row("h2 peak heap under read load", peak >> 20, "MB", null);
    }

    /**
     * 64 clients that already hold the answer and revalidate it ({@code If-None-Match}), as a dashboard that polls
     * instead of following {@code /api/changes} would: each gets {@code 304} and no body. Reported apart from the
     * full answers above, which are the target's figure.
     */
    private void revalidations(int port, String name, String path, Map<String, Object> reads) throws Exception {
        HttpResponse<Void> first = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.basic(TestUsers.VIEWER)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String eTag = first.headers().firstValue("ETag").orElse(null);
        if (eTag == null) {
            row("h2 GET " + name + " answered without an ETag: no revalidation measured", 0, "", null);
            return;
        }
        HttpRequest revalidate = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.basic(TestUsers.VIEWER)).header("If-None-Match", eTag).GET().build();
        int clients = 64;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong notModified = new AtomicLong();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        double rate = throughput(clients, t -> {
            long begin = System.nanoTime();
            try {
                if (http.send(revalidate, HttpResponse.BodyHandlers.discarding()).statusCode() == 304) {
                    notModified.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (begin >= measureFrom) {
                latencies.add(System.nanoTime() - begin);
            }
        });
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        reads.put(name + "NotModified" + clients, Map.of("p50Ms", p50, "p99Ms", p99, "requestsPerSecond", rate,
                "requests", sorted.length, "notModified", notModified.get()));
        row("h2 GET " + name + " with If-None-Match (304), " + clients + " clients: p50 / p99 ms",
                p50, String.format("ms, p99 %.1f ms, %.0f req/s", p99, rate), null);
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ 5: growth

    private void growth(ConfigurableApplicationContext context, Map<String, Object> out) throws Exception {
        CommandSender commands = context.getBean(CommandSender.class);
        WriteContext as = new WriteContext("bench", null, null);
        Map<String, Object> growth = new LinkedHashMap<>();
        out.put("growth", growth);
        growth.put("snapshotEvery", context.getEnvironment().getProperty("ledger.snapshots.every", "100"));
        LocalDate day = LocalDate.of(1990, 1, 1);
        // When the growth phase runs alone, nothing has compiled the command path yet: a warm-up party does.
        String warmUp = "g" + RUN + "-warm-up";
        commands.send(warmUp, new RegisterPartyCommand(warmUp, "增长参与方", null, PartyKind.GOVERNMENT, null, null), as);
        for (int i = 1; i <= 400; i++) {
            commands.send(warmUp, new RenamePartyCommand(warmUp, "增长参与方" + i, null, day.plusDays(i), null, null), as);
        }
        Map<Integer, Double> p50s = new LinkedHashMap<>();
        for (int size : new int[]{10, 1_000, 10_000}) {
            String code = "g" + RUN + "-" + size;
            commands.send(code, new RegisterPartyCommand(code, "增长参与方", null, PartyKind.GOVERNMENT, null, null), as);
            int[] renames = {0};
            for (int i = 1; i < size; i++) {
                renames[0]++;
                commands.send(code, new RenamePartyCommand(code, "增长参与方" + renames[0], null,
                        day.plusDays(renames[0] / 10), null, null), as);
            }
            if (size == 1_000) {
                timeTravel(context, code, growth);
            }
            // 200 more commands: the record grows from size to size + 200 while measured
            long[] latencies = new long[200];
            for (int i = 0; i < latencies.length; i++) {
                renames[0]++;
                long begin = System.nanoTime();
                commands.send(code, new RenamePartyCommand(code, "增长参与方" + renames[0], null,
                        day.plusDays(renames[0] / 10), null, null), as);
                latencies[i] = System.nanoTime() - begin;
            }
            Arrays.sort(latencies);
            double p50 = percentile(latencies, 0.5);
            double p99 = percentile(latencies, 0.99);
            p50s.put(size, p50);
            growth.put("events" + size, Map.of("p50Ms", p50, "p99Ms", p99));
            row("h2 command on a record of " + size + " events: p50", p50, String.format("ms, p99 %.1f ms", p99),
                    null);
        }
        double ratio = p50s.get(10_000) / p50s.get(10);
        growth.put("p50Ratio10000to10", ratio);
        row("h2 growth p50(10,000 events) / p50(10 events)", ratio, "x", null);
        agreementGrowth(context, growth);
    }

    /**
     * One agreement grown to 10,000 events by corrections of its four payments and of its signing, half of them
     * citing the latest event of what they correct, half naming an early one (the payment's recording, the signing).
     * At 10, 100, 1,000 and 10,000 events: 50 commands, each followed by 4 {@code GET /api/agreements/{id}}; the
     * record grows by those 50 while measured. The agreement's state stays the same size (four payments): what
     * grows is its history. A warm-up agreement goes through the same commands and reads first.
     */
    private void agreementGrowth(ConfigurableApplicationContext context, Map<String, Object> growth) {
        CommandSender commands = context.getBean(CommandSender.class);
        WriteContext as = new WriteContext("bench", null, null);
        int port = port(context);
        String payer = "ga" + RUN + "-payer";
        String payee = "ga" + RUN + "-payee";
        commands.send(payer, new RegisterPartyCommand(payer, "增长付款方", null, PartyKind.GOVERNMENT, null, null), as);
        commands.send(payee, new RegisterPartyCommand(payee, "增长收款方", null, PartyKind.GOVERNMENT, null, null), as);

        GrowingAgreement warmUp = GrowingAgreement.signed("ga" + RUN + "-warm-up", payer, payee, commands, as);
        for (int i = 0; i < 400; i++) {
            commands.send(warmUp.id, warmUp.next(), as);
            get(port, "/api/agreements/" + warmUp.id, TestUsers.VIEWER);
        }

        Map<String, Object> agreement = new LinkedHashMap<>();
        growth.put("agreement", agreement);
        GrowingAgreement grown = GrowingAgreement.signed("ga" + RUN, payer, payee, commands, as);
        String path = "/api/agreements/" + grown.id;
        Map<Integer, double[]> p50s = new LinkedHashMap<>();
        for (int size : new int[]{10, 100, 1_000, 10_000}) {
            while (grown.events < size) {
                commands.send(grown.id, grown.next(), as);
            }
            long[] commandLatencies = new long[50];
            long[] readLatencies = new long[commandLatencies.length * 4];
            for (int i = 0; i < commandLatencies.length; i++) {
                long begin = System.nanoTime();
                commands.send(grown.id, grown.next(), as);
                commandLatencies[i] = System.nanoTime() - begin;
                for (int j = 0; j < 4; j++) {
                    begin = System.nanoTime();
                    if (get(port, path, TestUsers.VIEWER) != 200) {
                        throw new IllegalStateException(path + " failed");
                    }
                    readLatencies[i * 4 + j] = System.nanoTime() - begin;
                }
            }
            Arrays.sort(commandLatencies);
            Arrays.sort(readLatencies);
            double command = percentile(commandLatencies, 0.5);
            double read = percentile(readLatencies, 0.5);
            p50s.put(size, new double[]{command, read});
            agreement.put("events" + size, Map.of(
                    "command", Map.of("p50Ms", command, "p99Ms", percentile(commandLatencies, 0.99)),
                    "get", Map.of("p50Ms", read, "p99Ms", percentile(readLatencies, 0.99))));
            row("h2 agreement of " + size + " events: command p50", command,
                    String.format("ms, p99 %.1f ms", percentile(commandLatencies, 0.99)), null);
            row("h2 agreement of " + size + " events: GET p50", read,
                    String.format("ms, p99 %.1f ms", percentile(readLatencies, 0.99)), null);
        }
        double commandRatio = p50s.get(10_000)[0] / p50s.get(10)[0];
        double readRatio = p50s.get(10_000)[1] / p50s.get(10)[1];
        agreement.put("commandP50Ratio10000to10", commandRatio);
        agreement.put("getP50Ratio10000to10", readRatio);
        row("h2 agreement growth: command p50(10,000 events) / p50(10 events)", commandRatio, "x", null);
        row("h2 agreement growth: GET p50(10,000 events) / p50(10 events)", readRatio, "x", null);
        Long snapshotBytes = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                "SELECT LENGTH(payload) FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1", Long.class, grown.id);
        agreement.put("snapshotBytes", snapshotBytes);
        row("h2 agreement snapshot after " + grown.events + " events", snapshotBytes, "bytes", null);
    }

    /** An agreement of four payments, and the next correction that grows it. */
    private static final class GrowingAgreement {

        private static final LocalDate SIGNED_ON = LocalDate.of(2020, 6, 5);
        private static final int PAYMENTS = 4;

        private final String id;
        private final int[] paymentCorrections = new int[PAYMENTS];
        private int placeCorrections;
        private int dateCorrections;
        private long events;

        private GrowingAgreement(String id) {
            this.id = id;
        }

        static GrowingAgreement signed(String id, String payer, String payee, CommandSender commands, WriteContext as) {
            GrowingAgreement agreement = new GrowingAgreement(id);
            commands.send(id, new SignAgreementCommand(id, "增长协议", AgreementKind.ECOLOGICAL_COMPENSATION,
                    List.of(payer, payee), List.of(), SIGNED_ON, "开州", null, Set.of(CooperationDomain.ECOLOGY), null),
                    as);
            for (int p = 0; p < PAYMENTS; p++) {
                commands.send(id, new RecordPaymentCommand(id, "pay-" + p, payer, payee, Money.parse("100元"),
                        LocalDate.of(2021, 1, 1 + p), null, null), as);
            }
            agreement.events = 1 + PAYMENTS;
            return agreement;
        }

        /** Payment p was recorded as event p + 1 (the signing is event 0). */
        Object next() {
            long step = events - 1 - PAYMENTS;
            int p = (int) (step / 4 % PAYMENTS);
            events++;
            return switch ((int) (step % 4)) {
                case 0 -> correctPayment(p, null);
                case 1 -> new CorrectAgreementSigningCommand(id, null, null, null,
                        ++placeCorrections % 2 == 1 ? "云阳" : "开州", null, "以协议文本为准", null);
                case 2 -> correctPayment(p, p + 1L);
                default -> new CorrectAgreementSigningCommand(id, 0L, null,
                        ++dateCorrections % 2 == 1 ? SIGNED_ON.minusDays(1) : SIGNED_ON, null, null,
                        "以协议文本为准", null);
            };
        }

        private CorrectPaymentCommand correctPayment(int p, Long cites) {
            String amount = ++paymentCorrections[p] % 2 == 1 ? "101元" : "100元";
            return new CorrectPaymentCommand(id, "pay-" + p, cites, null, null, Money.parse(amount), null,
                    "金额录入错误", null);
        }
    }

    /** GET .../as-of on a record of exactly 1,000 events, as it was recorded now (every event folded). */
    private void timeTravel(ConfigurableApplicationContext context, String code, Map<String, Object> growth) {
        int port = port(context);
        String path = "/api/audit/records/" + code + "/as-of?recordedAt=" + Instant.now();
        if (get(port, path, TestUsers.AUDITOR) != 200) {
            throw new IllegalStateException(path + " failed");
        }
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            long begin = System.nanoTime();
            get(port, path, TestUsers.AUDITOR);
            latencies[i] = System.nanoTime() - begin;
        }
        Arrays.sort(latencies);
        growth.put("timeTravel1000", Map.of("p50Ms", percentile(latencies, 0.5), "p99Ms", percentile(latencies, 0.99)));
        row("h2 time travel (as-of) on a 1,000-event record: p50", percentile(latencies, 0.5),
                String.format("ms, p99 %.1f ms", percentile(latencies, 0.99)), null);
    }

    // ---------------------------------------------------------------------------------------------- verifier

    private void verifier(ConfigurableApplicationContext context, Map<String, Object> out) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        long start = System.nanoTime();
        VerificationReport report;
        try (Connection connection = dataSource.getConnection()) {
            report = new LedgerVerifier().verify(connection);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.put("verifier", Map.of("verified", report.verified(), "events", report.events(), "seconds", seconds,
                "eventsPerSecond", report.events() / seconds));
        row("h2 verifier over " + report.events() + " events (verified=" + report.verified() + ")",
                report.events() / seconds, "events/s", null);
    }

    // ---------------------------------------------------------------------------------------------- reporting

    private void row(String what, double value, String unit, Double ratio) {
        String[] cells = {what, String.format(value >= 100 ? "%,.0f" : "%.2f", value), unit,
                ratio == null ? "" : String.format("%.0f%%", ratio * 100)};
        table.add(cells);
        System.out.printf("BENCH | %-70s | %12s %-30s | %6s%n", (Object[]) cells);
    }

    private void write() throws Exception {
        results.put("table", table);
        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results));
        StringBuilder md = new StringBuilder("| measurement | value | unit | of floor (8 threads) |\n|---|---:|---|---:|\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        Files.writeString(Path.of("target", "bench", "results.md"), md);
        System.out.println();
        System.out.println(md);
        System.out.println("Results written to " + out.toAbsolutePath());
    }
}
