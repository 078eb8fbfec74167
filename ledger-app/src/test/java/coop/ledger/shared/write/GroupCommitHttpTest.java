package coop.ledger.shared.write;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes over HTTP with group commit on: every acknowledged write is recorded (readable, in a verified
 * hash chain), the racing writes of one party code get one 201 and 409s, a write its rule refuses gets its refusal
 * while the writes committed with it are kept, and a retry with the same Idempotency-Key records nothing twice.
 */
@TestPropertySource(properties = "ledger.write.group-commit.enabled=true")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GroupCommitHttpTest extends LedgerHttpTest {

    private static final int CLIENTS = 8;
    private static final int WRITES_PER_CLIENT = 6;

    @Test
    void concurrent_writes_are_each_acknowledged_after_their_commit_and_refused_alone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String contested = "gc-" + run + "-contested";
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<Integer> contestedStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> refusedStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < WRITES_PER_CLIENT; i++) {
                    String code = "gc-" + run + "-" + client + "-" + i;
                    Reply reply = api.post("/api/parties", object("code", code, "nameZh", "并发测试方" + client,
                            "kind", "GOVERNMENT")).idempotencyKey("gc-" + code).send();
                    statuses.put(code, reply.status());
                    if (i == 2) {
                        contestedStatuses.add(api.post("/api/parties", object("code", contested,
                                "nameZh", "争抢的代码", "kind", "GOVERNMENT")).send().status());
                    }
                    if (i == 4) {
                        // an agreement whose second signatory was never registered: the rule refuses it
                        refusedStatuses.add(api.post("/api/agreements", object("id", "gc-" + run + "-a" + client,
                                "title", "合作协议", "kind", "COOPERATION", "signatories",
                                List.of(code, "gc-" + run + "-nobody"), "signedOn", "2021-01-01")).send().status());
                    }
                }
            }, "gc-client-" + c));
        }
        clients.forEach(Thread::start);
        start.countDown();
        for (Thread client : clients) {
            client.join();
        }

        assertThat(statuses).hasSize(CLIENTS * WRITES_PER_CLIENT);
        assertThat(statuses.values()).as("every write acknowledged").containsOnly(201);
        assertThat(contestedStatuses).as("one code, eight racing writes: one recorded")
                .containsOnlyOnce(201).hasSize(CLIENTS);
        assertThat(contestedStatuses.stream().filter(s -> s != 201)).containsOnly(409);
        assertThat(refusedStatuses).hasSize(CLIENTS).allSatisfy(s -> assertThat(s).isBetween(400, 499));
        for (String code : statuses.keySet()) {
            assertThat(api.get("/api/parties/" + code).send().status()).as(code).isEqualTo(200);
        }
        String retried = statuses.keySet().iterator().next();
        Reply again = api.post("/api/parties", object("code", retried, "nameZh",
                "并发测试方" + retried.split("-")[2], "kind", "GOVERNMENT")).idempotencyKey("gc-" + retried).send();
        assertThat(again.status()).as("a retry is answered from its key (200, not 201): %s", again).isEqualTo(200);
        Reply verification = api.get("/api/audit/verification").as("auditor").send();
        assertThat(verification.json().path("verified").asBoolean()).as("%s", verification).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
