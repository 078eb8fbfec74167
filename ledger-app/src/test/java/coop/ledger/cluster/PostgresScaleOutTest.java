package coop.ledger.cluster;

import com.zaxxer.hikari.HikariDataSource;
import coop.ledger.testing.Api;
import coop.ledger.testing.EventCounter;
import coop.ledger.testing.PostgresNodes;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three ledger nodes on one PostgreSQL database, the way production scales out: concurrent HTTP load on all
 * three, one node dying mid-load, and a transaction that commits long after it took its global position.
 * Every acknowledged write is stored exactly once, every event is applied exactly once by a streaming
 * projection of four segments, and the dead node's segments are taken over by the living.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresScaleOutTest {

    private static final String[] NODE_IDS = {"node-1", "node-2", "node-3"};
    private static final int WORKERS = 6;
    private static final int OPERATIONS_PER_WORKER = 45;

    private static PostgresNodes database;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static final Set<Integer> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A write the ledger acknowledged (2xx): the record, its new version, and the item it listed if any. */
    private record Ack(String recordId, long version, String itemId) {
    }

    @BeforeAll
    static void startThreeNodes() {
        database = PostgresNodes.freshDatabase();
        nodes.add(database.start(NODE_IDS[0]));
        List<CompletableFuture<ConfigurableApplicationContext>> others = List.of(
                CompletableFuture.supplyAsync(() -> database.start(NODE_IDS[1])),
                CompletableFuture.supplyAsync(() -> database.start(NODE_IDS[2])));
        others.forEach(f -> nodes.add(f.join()));
    }

    @AfterAll
    static void stopNodes() {
        for (int i = 0; i < nodes.size(); i++) {
            if (!dead.contains(i)) {
                nodes.get(i).close();
            }
        }
    }

    @Test
    @Order(1)
    void the_database_is_durable_and_every_node_uses_it() {
        assertThat(database.setting("fsync")).isEqualTo("on");
        assertThat(database.setting("synchronous_commit")).isEqualTo("on");
        assertThat(database.setting("full_page_writes")).isEqualTo("on");
        assertThat(database.setting("server_version")).startsWith("17.");
        for (ConfigurableApplicationContext node : nodes) {
            assertThat(node.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
        }
    }

    @Test
    @Order(2)
    void under_load_with_a_node_killed_every_acknowledged_write_is_stored_and_applied_exactly_once()
            throws Exception {
        JdbcTemplate sql = database.admin();
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        Party yunyang = TestData.yunyang();
        Api first = PostgresNodes.api(nodes.get(0));
        for (Party party : List.of(wanzhou, kaizhou, yunyang)) {
            assertThat(first.post("/api/parties", party.json()).send().status()).isEqualTo(201);
        }
        List<String> agreements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Reply signed = PostgresNodes.api(nodes.get(i % 3)).post("/api/agreements", TestData.signing(
                    TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou), List.of(yunyang))).send();
            assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            agreements.add(signed.id());
        }
        awaitTrue(Duration.ofSeconds(30), () -> segmentOwners(sql).size() == 4);
        Map<Integer, String> ownersBefore = segmentOwners(sql);
        String victimId = mostFrequent(ownersBefore);
        int victim = List.of(NODE_IDS).indexOf(victimId);

        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<CompletableFuture<Void>> load = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int home = w % 3;
            load.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < OPERATIONS_PER_WORKER; i++) {
                    int target = home;
                    while (dead.contains(target)) {
                        target = (target + 1) % 3;
                    }
                    Api api = PostgresNodes.api(nodes.get(target));
                    String agreement = agreements.get(ThreadLocalRandom.current().nextInt(agreements.size()));
                    try {
                        switch (i % 3) {
                            case 0 -> {
                                Party party = TestData.dazhou();
                                Reply reply = api.post("/api/parties", party.json()).send();
                                record(reply, new Ack(party.code(), reply.version(), null), acks, conflicts, failures);
                            }
                            case 1 -> {
                                String itemId = TestData.unique("item");
                                Reply reply = api.post("/api/agreements/" + agreement + "/items", object(
                                        "itemId", itemId, "description", "联合执法检查" + itemId,
                                        "listedOn", "2021-03-15")).send();
                                record(reply, new Ack(agreement, reply.version(), itemId), acks, conflicts, failures);
                            }
                            default -> {
                                Reply reply = api.get("/api/agreements/" + agreement).send();
                                if (reply.status() == 200) {
                                    reads.incrementAndGet();
                                } else {
                                    failures.incrementAndGet();
                                }
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        failures.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }, workers));
        }

        awaitTrue(Duration.ofSeconds(60), () -> done.get() >= WORKERS * OPERATIONS_PER_WORKER / 3);
        long killedAt = kill(victim);
        awaitTrue(Duration.ofSeconds(30), () -> segmentOwners(sql).size() == 4
                && !segmentOwners(sql).containsValue(victimId));
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        Map<Integer, String> ownersAfter = segmentOwners(sql);
        CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        workers.shutdown();

        long stored = sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        awaitTrue(Duration.ofSeconds(60), () -> sql.queryForObject(
                "SELECT COUNT(*) FROM test_projection.applied_event", Long.class) >= stored);

        // Every acknowledged write is stored exactly once, at the version it was acknowledged with.
        for (Ack ack : acks) {
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND sequence_number = ?", Long.class,
                    ack.recordId(), ack.version() - 1)).as("%s", ack).isEqualTo(1);
            if (ack.itemId() != null) {
                assertThat(sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class,
                        ack.recordId(), "%\"" + ack.itemId() + "\"%")).as("%s", ack).isEqualTo(1);
            }
        }
        // Every stored event is applied exactly once by the four-segment projection, whichever node held its segment.
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM "
                + "test_projection.applied_event a WHERE a.event_identifier = e.event_identifier)", Long.class))
                .as("events never applied").isZero();
        assertThat(sql.queryForList("SELECT event_identifier FROM test_projection.applied_event "
                + "WHERE applications <> 1", String.class)).as("events applied more than once").isEmpty();
        // The projection equals a rebuild from the store.
        assertThat(counts(sql, "SELECT aggregate_identifier, events FROM test_projection.event_count"))
                .isEqualTo(counts(sql, "SELECT aggregate_identifier, COUNT(*) FROM domain_event_entry "
                        + "GROUP BY aggregate_identifier"));

        long writes = acks.size();
        System.out.printf("[scale-out] nodes=3 workers=%d acknowledged-writes=%d conflicts-409=%d reads=%d "
                        + "failed-or-refused=%d events-stored=%d events-applied=%d segments-before=%s "
                        + "killed=%s segments-after=%s takeover=%d ms%n", WORKERS, writes, conflicts.get(),
                reads.get(), failures.get(), stored,
                sql.queryForObject("SELECT COUNT(*) FROM test_projection.applied_event", Long.class),
                ownersBefore, victimId, ownersAfter, takeoverMillis);
        assertThat(writes).isGreaterThan(50);
        assertThat(takeoverMillis).isLessThan(15_000);
    }

    @Test
    @Order(3)
    void the_health_and_the_lag_metric_reconcile_the_store_with_the_projection() {
        JdbcTemplate sql = database.admin();
        ConfigurableApplicationContext node = live().get(0);
        Api api = PostgresNodes.api(node);
        awaitTrue(Duration.ofSeconds(30), () -> api.get("/api/parties/none").send() != null
                && lagMetric(api) == 0);

        Reply health = api.get("/actuator/health").send();
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        var processors = health.json().path("components").path("processors");
        assertThat(processors.path("status").asString()).isEqualTo("UP");
        assertThat(processors.path("details").path("lastPosition").asLong())
                .isEqualTo(sql.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class));
        assertThat(processors.path("details").path("processors").path(EventCounter.GROUP).path("segments").asInt())
                .isEqualTo(4);
        assertThat(processors.path("details").path("processors").path(EventCounter.GROUP).path("lag").asLong())
                .isZero();
        assertThat(api.get("/actuator/health").anonymous().send().json().path("components").isMissingNode())
                .as("details only for logged-in users").isTrue();
    }

    @Test
    @Order(4)
    void a_transaction_that_commits_after_the_gap_timeout_is_not_skipped() throws Exception {
        JdbcTemplate sql = database.admin();
        List<ConfigurableApplicationContext> live = live();
        LateCommits.Outcome outcome = LateCommits.run(live.get(0), PostgresNodes.api(live.get(live.size() - 1)),
                sql);

        for (String slowCode : outcome.slowCodes()) {
            assertThat(sql.queryForObject("SELECT applications FROM test_projection.applied_event "
                    + "WHERE aggregate_identifier = ?", Integer.class, slowCode)).as(slowCode).isEqualTo(1);
        }
        // Appends did not queue behind the open transactions (there is no lock) ...
        assertThat(outcome.acknowledgedWhileOpen()).as("registrations acknowledged while a slow one was open")
                .isPositive();
        // ... and the projection held back every event positioned after an open transaction's event.
        assertThat(outcome.observationsWhileOpen()).isPositive();
        assertThat(outcome.appliedWhileOpen()).as("events after the open transaction's position applied early")
                .isZero();
        System.out.printf("[late-commit] %s%n", outcome);
    }

    static long applied(JdbcTemplate sql, List<String> aggregates) {
        return aggregates.stream().mapToLong(a -> sql.queryForObject(
                "SELECT COUNT(*) FROM test_projection.applied_event WHERE aggregate_identifier = ?", Long.class, a))
                .sum();
    }

    private static double lagMetric(Api api) {
        Reply metric = api.get("/actuator/metrics/ledger.processor.lag?tag=processor:" + EventCounter.GROUP).send();
        assertThat(metric.status()).as("%s", metric).isEqualTo(200);
        return metric.json().path("measurements").path(0).path("value").asDouble();
    }

    private static List<ConfigurableApplicationContext> live() {
        List<ConfigurableApplicationContext> live = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (!dead.contains(i)) {
                live.add(nodes.get(i));
            }
        }
        return live;
    }

    /**
     * Kills a node without a graceful shutdown: its connection pool closes and PostgreSQL drops its sessions, so it
     * can neither commit nor release its segment claims; then its application goes away in the background.
     */
    private static long kill(int index) throws InterruptedException {
        dead.add(index);
        ConfigurableApplicationContext node = nodes.get(index);
        HikariDataSource pool = node.getBean(HikariDataSource.class);
        CompletableFuture.runAsync(pool::close);
        Thread.sleep(100);
        database.admin().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = ?", Boolean.class, "ledger-" + NODE_IDS[index]);
        long killedAt = System.nanoTime();
        CompletableFuture.runAsync(node::close);
        return killedAt;
    }

    private static void record(Reply reply, Ack ack, ConcurrentLinkedQueue<Ack> acks, AtomicInteger conflicts,
                               AtomicInteger failures) {
        if (reply.status() / 100 == 2) {
            acks.add(ack);
        } else if (reply.status() == 409 && "version.conflict".equals(reply.rule())) {
            conflicts.incrementAndGet();
        } else {
            failures.incrementAndGet();
        }
    }

    private static Map<Integer, String> segmentOwners(JdbcTemplate sql) {
        Map<Integer, String> owners = new java.util.TreeMap<>();
        sql.query("SELECT segment, owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                }, EventCounter.GROUP);
        return owners;
    }

    private static String mostFrequent(Map<Integer, String> owners) {
        return owners.values().stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Map<String, Long> counts(JdbcTemplate sql, String query) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        sql.query(query, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    static void awaitTrue(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
