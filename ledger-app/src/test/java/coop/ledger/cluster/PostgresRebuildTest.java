package coop.ledger.cluster;

import com.zaxxer.hikari.HikariDataSource;
import coop.ledger.processing.Projections;
import coop.ledger.processing.ReadModelStore;
import coop.ledger.testing.Api;
import coop.ledger.testing.HistoryGenerator;
import coop.ledger.testing.PostgresNodes;
import coop.ledger.testing.ProjectionApplications;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static coop.ledger.cluster.PostgresScaleOutTest.awaitTrue;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor rebuilds the projections on one node of a three-node PostgreSQL cluster while all three keep serving
 * reads and taking writes. The other nodes give the processor's segments up to the rebuilding node and claim them
 * again after; every event is applied to the projection exactly once (reset included), and the rebuilt tables
 * equal, row by row, a rebuild of the same events by a node alone.
 */
class PostgresRebuildTest {

    private static final String[] NODE_IDS = {"rebuild-1", "rebuild-2", "rebuild-3"};
    /**
     * Small chunks, so that the rebuild lasts long enough for writes to land during it (the third node's are
     * smaller still: it dies in the middle of one); quick balancing, yet a released segment stays released
     * (3 intervals) longer than the processor waits between claims (5 s).
     */
    private static final String[][] SETTINGS = {
            {"ledger.projections.rebuild-chunk=100", "ledger.cluster.balance-interval=2s"},
            {"ledger.projections.rebuild-chunk=100", "ledger.cluster.balance-interval=2s"},
            {"ledger.projections.rebuild-chunk=5", "ledger.cluster.balance-interval=2s"}};

    @Test
    void a_node_rebuilds_while_the_others_read_and_write_and_the_tables_equal_a_rebuild_on_one_node()
            throws Exception {
        PostgresNodes database = PostgresNodes.freshDatabase();
        JdbcTemplate sql = database.admin();
        sql.execute(ProjectionApplications.SCHEMA);
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        List<Class<?>> sources = List.of(ProjectionApplications.class);
        try {
            nodes.add(database.start(sources, NODE_IDS[0], SETTINGS[0]));
            // About a thousand events, which the first node applies while the other two start.
            List<GenericDomainEventMessage<?>> history = new HistoryGenerator(TestData.unique("cluster-rebuild"))
                    .generate(20, 40, 40, 4);
            EventStore eventStore = nodes.get(0).getBean(EventStore.class);
            TransactionManager transactions = nodes.get(0).getBean(TransactionManager.class);
            for (int from = 0; from < history.size(); from += 1000) {
                List<GenericDomainEventMessage<?>> batch = history.subList(from, Math.min(history.size(), from + 1000));
                transactions.executeInTransaction(() -> eventStore.publish(batch));
            }
            List<CompletableFuture<ConfigurableApplicationContext>> others = List.of(
                    CompletableFuture.supplyAsync(() -> database.start(sources, NODE_IDS[1], SETTINGS[1])),
                    CompletableFuture.supplyAsync(() -> database.start(sources, NODE_IDS[2], SETTINGS[2])));
            others.forEach(f -> nodes.add(f.join()));
            // Bounded generously: on a loaded two-core machine three nodes share very little CPU.
            awaitTrue(Duration.ofSeconds(120), () -> appliedOnce(sql));
            // Records the writers below add to during the rebuild.
            Party wanzhou = TestData.wanzhou();
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            Api first = PostgresNodes.api(nodes.get(0));
            for (Party party : List.of(wanzhou, kaizhou, yunyang)) {
                assertThat(first.post("/api/parties", party.json()).send().status()).isEqualTo(201);
            }
            List<String> agreements = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Reply signed = PostgresNodes.api(nodes.get(i)).post("/api/agreements", TestData.signing(
                        TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(wanzhou, kaizhou), List.of(yunyang)))
                        .send();
                assertThat(signed.status()).as("%s", signed).isEqualTo(201);
                agreements.add(signed.id());
            }
            // What made a rebuild fail before: the other nodes hold segments of the processor.
            awaitTrue(Duration.ofSeconds(60), () -> appliedOnce(sql) && owners(sql).size() == 2
                    && new HashSet<>(owners(sql).values()).size() == 2);
            Map<Integer, String> ownersBefore = owners(sql);

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicBoolean rebuilding = new AtomicBoolean(false);
            AtomicInteger writesDuringRebuild = new AtomicInteger();
            AtomicInteger readsDuringRebuild = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Api api = PostgresNodes.api(nodes.get(w));
                writers.add(CompletableFuture.runAsync(() -> write(api, agreements, writing, rebuilding,
                        writesDuringRebuild, readsDuringRebuild, conflicts, failures)));
            }

            // The rebuild runs on the second node; a second one asked of the third is refused while it runs.
            Api rebuilder = PostgresNodes.api(nodes.get(1));
            rebuilding.set(true);
            Reply started = rebuilder.post("/api/audit/rebuild", Map.of()).as(TestUsers.AUDITOR).send();
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            assertThat(started.json().path("node").asString()).isEqualTo(NODE_IDS[1]);
            Reply second = PostgresNodes.api(nodes.get(2)).post("/api/audit/rebuild", Map.of())
                    .as(TestUsers.AUDITOR).send();
            assertThat(second.status()).as("a second rebuild on another node: %s", second).isEqualTo(409);

            boolean allSegmentsWithTheRebuilder = false;
            boolean seenElsewhere = false;
            JsonNode progress = started.json();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!progress.path("state").asString().equals("done")) {
                assertThat(progress.path("state").asString()).as("%s", progress).isEqualTo("running");
                assertThat(System.nanoTime()).as("rebuild did not finish: %s", progress).isLessThan(deadline);
                Map<Integer, String> owners = owners(sql);
                allSegmentsWithTheRebuilder |= owners.size() == 2 && Set.copyOf(owners.values())
                        .equals(Set.of(NODE_IDS[1]));
                JsonNode remote = PostgresNodes.api(nodes.get(0)).get("/api/audit/rebuild").as(TestUsers.AUDITOR)
                        .send().json();
                seenElsewhere |= remote.path("state").asString().equals("running")
                        && remote.path("node").asString().equals(NODE_IDS[1]);
                Thread.sleep(50);
                progress = rebuilder.get("/api/audit/rebuild").as(TestUsers.AUDITOR).send().json();
            }
            rebuilding.set(false);
            int duringRebuild = writesDuringRebuild.get();
            writing.set(false);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(failures).as("reads and writes answered other than 2xx or a version conflict").isEmpty();
            assertThat(duringRebuild).as("writes acknowledged while the rebuild ran").isPositive();
            assertThat(readsDuringRebuild.get()).as("reads answered while the rebuild ran").isPositive();
            assertThat(allSegmentsWithTheRebuilder).as("the rebuilding node held every segment").isTrue();
            assertThat(seenElsewhere).as("another node reports the rebuild").isTrue();
            // The other nodes claim segments again after the rebuild.
            awaitTrue(Duration.ofSeconds(60), () -> owners(sql).size() == 2
                    && new HashSet<>(owners(sql).values()).size() == 2);
            Map<Integer, String> ownersAfter = owners(sql);
            awaitTrue(Duration.ofSeconds(60), () -> appliedOnce(sql));
            assertExactlyOnce(sql);

            // A node that dies in the middle of its rebuild leaves nothing stuck: its lease goes stale and its
            // claims time out (one claim timeout each), the others take the segments and finish the replay from
            // the tokens its last chunk committed.
            Api dying = PostgresNodes.api(nodes.get(2));
            assertThat(dying.post("/api/audit/rebuild", Map.of()).as(TestUsers.AUDITOR).send().status())
                    .isEqualTo(202);
            awaitTrue(Duration.ofSeconds(60), () -> {
                JsonNode p = dying.get("/api/audit/rebuild").as(TestUsers.AUDITOR).send().json();
                assertThat(p.path("state").asString()).as("%s", p).isEqualTo("running");
                return p.path("eventsDone").asLong() > 0;
            });
            ConfigurableApplicationContext killed = nodes.remove(2);
            long killedAt = kill(database, killed, NODE_IDS[2]);
            awaitTrue(Duration.ofSeconds(60), () -> owners(sql).size() == 2
                    && !owners(sql).containsValue(NODE_IDS[2]) && appliedOnce(sql));
            long recoveryMillis = (System.nanoTime() - killedAt) / 1_000_000;
            assertExactlyOnce(sql);
            Api survivor = PostgresNodes.api(nodes.get(0));
            awaitTrue(Duration.ofSeconds(60), () -> !survivor.get("/api/audit/rebuild").as(TestUsers.AUDITOR).send()
                    .json().path("state").asString().equals("running"));
            Map<String, List<String>> clusterRebuild = tables(sql, nodes.get(0));

            // The same events rebuilt by one node alone.
            nodes.get(0).close();
            Reply alone = rebuilder.post("/api/audit/rebuild", Map.of()).as(TestUsers.AUDITOR).send();
            assertThat(alone.status()).as("%s", alone).isEqualTo(202);
            awaitTrue(Duration.ofSeconds(60), () -> rebuilder.get("/api/audit/rebuild").as(TestUsers.AUDITOR).send()
                    .json().path("state").asString().equals("done"));
            awaitTrue(Duration.ofSeconds(60), () -> appliedOnce(sql));
            assertExactlyOnce(sql);
            Map<String, List<String>> singleRebuild = tables(sql, nodes.get(1));

            long events = sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            System.out.printf("[cluster-rebuild] nodes=3 events=%d (history %d) writes-during-rebuild=%d "
                            + "reads-during-rebuild=%d conflicts-409=%d segments-before=%s segments-after=%s "
                            + "rows=%d progress=%s recovery-after-the-rebuilder-died=%d ms%n", events, history.size(),
                    duringRebuild, readsDuringRebuild.get(), conflicts.get(), ownersBefore, ownersAfter,
                    clusterRebuild.values().stream().mapToInt(List::size).sum(), progress, recoveryMillis);
            assertThat(clusterRebuild.keySet()).isEqualTo(singleRebuild.keySet());
            for (String table : clusterRebuild.keySet()) {
                assertThat(clusterRebuild.get(table)).as(table).containsExactlyElementsOf(singleRebuild.get(table));
            }
            assertThat(clusterRebuild.get("dash_party")).hasSizeGreaterThan(20);
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * Kills a node without a graceful shutdown (as {@link PostgresScaleOutTest} does): its connection pool closes
     * and PostgreSQL drops its sessions, so it can neither commit, release its claims nor end its lease.
     */
    private static long kill(PostgresNodes database, ConfigurableApplicationContext node, String nodeId)
            throws InterruptedException {
        CompletableFuture.runAsync(node.getBean(HikariDataSource.class)::close);
        Thread.sleep(100);
        database.admin().queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = ?", Boolean.class, "ledger-" + nodeId);
        long killedAt = System.nanoTime();
        CompletableFuture.runAsync(node::close);
        return killedAt;
    }

    /** Writes (new parties, items listed on the agreements) and reads against one node until told to stop. */
    private static void write(Api api, List<String> agreements, AtomicBoolean writing, AtomicBoolean rebuilding,
                              AtomicInteger writesDuringRebuild, AtomicInteger readsDuringRebuild,
                              AtomicInteger conflicts, ConcurrentLinkedQueue<String> failures) {
        for (int i = 0; writing.get(); i++) {
            boolean during = rebuilding.get();
            String agreement = agreements.get(ThreadLocalRandom.current().nextInt(agreements.size()));
            Reply reply = switch (i % 3) {
                case 0 -> api.post("/api/parties", TestData.dazhou().json()).send();
                case 1 -> {
                    String itemId = TestData.unique("item");
                    yield api.post("/api/agreements/" + agreement + "/items", object("itemId", itemId,
                            "description", "联合执法检查" + itemId, "listedOn", "2021-03-15")).send();
                }
                default -> api.get("/api/agreements?size=5").send();
            };
            pause();
            if (reply.status() / 100 == 2) {
                (i % 3 == 2 ? readsDuringRebuild : writesDuringRebuild).addAndGet(during && rebuilding.get() ? 1 : 0);
            } else if (reply.status() == 409 && "version.conflict".equals(reply.rule())) {
                conflicts.incrementAndGet();
            } else {
                failures.add(reply.toString());
            }
        }
    }

    /** A short breath between requests: steady writes, not a flood that starves the rebuild of the CPU. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which node holds each segment of the projections processor (claimed segments only). */
    private static Map<Integer, String> owners(JdbcTemplate sql) {
        Map<Integer, String> owners = new TreeMap<>();
        sql.query("SELECT segment, owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                }, Projections.PROCESSOR);
        return owners;
    }

    /** Every stored event has been applied to the projection since its last reset. */
    private static boolean appliedOnce(JdbcTemplate sql) {
        return sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM "
                + "test_projection.projection_applied a WHERE a.event_identifier = e.event_identifier)",
                Long.class) == 0;
    }

    private static void assertExactlyOnce(JdbcTemplate sql) {
        assertThat(appliedOnce(sql)).as("every event applied").isTrue();
        assertThat(sql.queryForList("SELECT event_identifier FROM test_projection.projection_applied "
                + "WHERE applications <> 1", String.class)).as("events applied more than once").isEmpty();
    }

    /** Every projection table's rows, each row its columns in order, the rows sorted by all columns. */
    private static Map<String, List<String>> tables(JdbcTemplate sql, ConfigurableApplicationContext node) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : node.getBean(ReadModelStore.class).tables()) {
            int columns = sql.queryForObject("SELECT COUNT(*) FROM information_schema.columns WHERE table_name = ?",
                    Integer.class, table);
            StringBuilder order = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                order.append(c == 1 ? "" : ", ").append(c);
            }
            tables.put(table, sql.query("SELECT * FROM " + table + " ORDER BY " + order, (rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(c == 1 ? "" : "\t").append(rs.getString(c));
                }
                return row.toString();
            }));
        }
        return tables;
    }
}
