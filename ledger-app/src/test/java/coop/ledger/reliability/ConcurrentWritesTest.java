package coop.ledger.reliability;

import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Problems;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen clients send conflicting writes to one record at the same moment: exactly one wins where only one can,
 * every loser is told with a 409 problem naming the rule or the conflict (412 for a stale If-Match), nothing is lost or recorded twice, and
 * no answer is a 500.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentWritesTest extends LedgerHttpTest {

    private static final int CLIENTS = 16;
    private static final Map<String, Map<String, Integer>> OUTCOMES = new ConcurrentHashMap<>();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void one_of_sixteen_registrations_of_the_same_party_wins() {
        Party party = TestData.wanzhou();
        List<Reply> replies = race("register the same party", i -> api.post("/api/parties", party.json()));
        assertOneWinner(replies, 201, Set.of("record.already-exists"));
        assertThat(events(party.code())).isEqualTo(1);
    }

    @Test
    void one_of_sixteen_completions_of_the_same_cooperation_item_wins() {
        String id = agreementWithItem();
        long before = events(id);
        List<Reply> replies = race("complete the same item", i -> api.post("/api/agreements/" + id + "/items/i1/complete",
                object("completedOn", "2021-05-20", "evidence", "监测数据共享平台上线 " + i)));
        assertOneWinner(replies, 200, Set.of("item.already-completed", "version.conflict"));
        assertThat(events(id)).isEqualTo(before + 1);
        assertThat(agreement(id).json().path("itemCounts").path("completed").asLong()).isEqualTo(1);
    }

    @Test
    void one_of_sixteen_joinings_of_the_same_party_wins() {
        String id = agreementWithItem();
        Party joiner = TestData.dazhou();
        register(joiner);
        long before = events(id);
        List<Reply> replies = race("the same party joins", i -> api.post("/api/agreements/" + id + "/participants",
                object("partyCode", joiner.code(), "role", "OBSERVER", "joinedOn", "2021-04-01")));
        assertOneWinner(replies, 200, Set.of("agreement.already-party", "version.conflict"));
        assertThat(events(id)).isEqualTo(before + 1);
        assertThat(agreement(id).json().path("observers").valueStream().map(n -> n.path("code").asString()).toList())
                .containsOnlyOnce(joiner.code());
    }

    @Test
    void one_of_sixteen_payments_expecting_the_same_version_is_recorded() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        String id = signedAgreement(wanzhou, kaizhou, TestData.yunyang());
        long version = agreementVersion(id);
        List<Reply> replies = race("payments with the same If-Match", i -> api.post("/api/agreements/" + id + "/payments",
                object("paymentId", "pay-" + i, "payer", wanzhou.code(), "payee", kaizhou.code(),
                        "amount", (i + 1) + "00万元", "paidOn", "2021-09-01")).ifMatch(version));
        assertOneWinner(replies, 201, Set.of("version.stale", "version.conflict"));
        assertThat(events(id)).isEqualTo(version + 1);
        assertThat(agreement(id).json().path("payments").size()).isEqualTo(1);
    }

    @Test
    void payments_without_if_match_are_all_recorded_or_told_to_retry() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        String id = signedAgreement(wanzhou, kaizhou, TestData.yunyang());
        long before = events(id);
        List<Reply> replies = race("distinct payments at once", i -> api.post("/api/agreements/" + id + "/payments",
                object("paymentId", "pay-" + i, "payer", wanzhou.code(), "payee", kaizhou.code(),
                        "amount", "100万元", "paidOn", "2021-09-01")));
        long accepted = replies.stream().filter(r -> r.status() == 201).count();
        replies.stream().filter(r -> r.status() != 201)
                .forEach(r -> assertThat(Problems.assertProblem(r, 409).rule()).isEqualTo("version.conflict"));
        // No lost update: every acknowledged payment is there, and nothing else.
        assertThat(events(id)).isEqualTo(before + accepted);
        assertThat(agreement(id).json().path("payments").size()).isEqualTo((int) accepted);
        assertThat(accepted).isPositive();
    }

    @Test
    void one_of_sixteen_signings_of_the_same_project_wins() {
        Party investor = TestData.saicHongyan();
        Party host = TestData.wanzhou();
        register(investor, host);
        ObjectNode signing = TestData.projectSigning(List.of(investor), List.of(host));
        String id = signing.path("id").asString();
        List<Reply> signings = race("sign the same project", i -> api.post("/api/projects", signing));
        assertOneWinner(signings, 201, Set.of("record.already-exists"));
        assertThat(events(id)).isEqualTo(1);

        List<Reply> starts = race("start the same project", i -> api.post("/api/projects/" + id + "/start",
                object("startedOn", "2021-06-18")));
        assertOneWinner(starts, 200, Set.of("project.already-started", "version.conflict"));
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void one_of_sixteen_completions_of_the_same_service_item_wins() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);
        Reply declared = api.post("/api/programmes", object("id", TestData.unique("programme"), "name", "川渝通办",
                "participants", List.of(wanzhou.code()), "period", "2021", "declaredOn", "2021-03-01")).send();
        assertThat(declared.status()).as("%s", declared).isEqualTo(201);
        String id = declared.id();
        assertThat(api.post("/api/programmes/" + id + "/items", object("itemId", "s1", "name", "医保关系转移接续",
                "listedOn", "2021-03-01")).send().status()).isEqualTo(201);
        List<Reply> replies = race("complete the same service item", i -> api.post("/api/programmes/" + id
                + "/items/s1/complete", object("completedOn", "2021-12-31", "evidence", "已完成 " + i)));
        assertOneWinner(replies, 200, Set.of("item.already-completed", "version.conflict"));
        assertThat(events(id)).isEqualTo(3);
    }

    @Test
    void sixteen_retries_with_the_same_idempotency_key_record_once() {
        Party wanzhou = TestData.wanzhou();
        String key = TestData.unique("same-key");
        List<Reply> replies = race("same Idempotency-Key", i -> api.post("/api/parties", wanzhou.json())
                .idempotencyKey(key));
        long recorded = replies.stream().filter(r -> r.status() == 201).count();
        assertThat(recorded).as("first recordings in %s", replies).isEqualTo(1);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> {
            if (r.status() == 200) {
                assertThat(r.json().path("replayed").asBoolean()).as("%s", r).isTrue();
            } else {
                assertThat(Problems.assertProblem(r, 409).rule()).isEqualTo("record.already-exists");
            }
        });
        assertThat(events(wanzhou.code())).isEqualTo(1);
    }

    @AfterAll
    static void printOutcomes() {
        OUTCOMES.forEach((race, statuses) -> System.out.printf("ConcurrentWritesTest: %-32s %s%n", race,
                new TreeMap<>(statuses)));
    }

    private String agreementWithItem() {
        String id = signedAgreement(TestData.wanzhou(), TestData.kaizhou(), TestData.yunyang());
        assertThat(api.post("/api/agreements/" + id + "/items", object("itemId", "i1", "description", "水质监测数据共享",
                "listedOn", "2021-01-05")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/agreements/" + id + "/items/i1/start", object("startedOn", "2021-01-10")).send()
                .status()).isEqualTo(200);
        return id;
    }

    /** Sends {@code CLIENTS} requests released at the same instant and returns every answer. */
    private List<Reply> race(String name, IntFunction<Api.Call> request) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Api.Call call = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await(10, TimeUnit.SECONDS);
                    return call.send();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(30, TimeUnit.SECONDS));
            }
            Map<String, Integer> histogram = new TreeMap<>();
            replies.forEach(r -> histogram.merge(r.status() + (r.rule() == null ? "" : " " + r.rule()), 1, Integer::sum));
            OUTCOMES.put(name, histogram);
            return replies;
        } catch (Exception e) {
            throw new AssertionError(name + " did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<Reply> replies, int winnerStatus, Set<String> loserRules) {
        assertThat(replies).as("answers").allSatisfy(r -> assertThat(r.status()).as("%s", r).isLessThan(500));
        assertThat(replies.stream().filter(r -> r.status() == winnerStatus).count()).as("winners in %s", replies)
                .isEqualTo(1);
        replies.stream().filter(r -> r.status() != winnerStatus).forEach(r -> {
            // a stale If-Match is a failed precondition (412); every other loser broke a rule or collided (409)
            Problems.assertProblem(r, "version.stale".equals(r.rule()) ? 412 : 409);
            assertThat(r.rule()).as("rule of %s", r).isIn(loserRules);
        });
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
