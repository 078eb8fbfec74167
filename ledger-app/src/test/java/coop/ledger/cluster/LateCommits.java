package coop.ledger.cluster;

import coop.ledger.testing.Api;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static coop.ledger.cluster.PostgresScaleOutTest.applied;
import static coop.ledger.cluster.PostgresScaleOutTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario behind Axon issues #2958, #3374 and #4829, with the nodes' gap timeout of 1 s: two registrations
 * take global positions and stay uncommitted for 4 s, interleaved with registrations (on another node) that commit
 * at once, while writing goes on until well after the slow ones committed. While the first slow registration is
 * open, it watches what the projection applied of the registrations positioned after it.
 */
final class LateCommits {

    private LateCommits() {
    }

    /**
     * What happened.
     *
     * @param slowCodes             the codes of the two late-committing parties
     * @param acknowledgedWhileOpen fast registrations acknowledged while a slow one was still open (appends that did
     *                              not wait for it)
     * @param observationsWhileOpen times the projection was looked at while the first slow registration was open
     * @param appliedWhileOpen      the most fast registrations (all positioned after the first slow one) the
     *                              projection had applied at one of those looks
     */
    record Outcome(List<String> slowCodes, int acknowledgedWhileOpen, int observationsWhileOpen,
                   long appliedWhileOpen) {
    }

    /** Runs the scenario and returns, once everything settled, what happened. */
    static Outcome run(ConfigurableApplicationContext slowNode, Api fastNode, JdbcTemplate sql)
            throws InterruptedException {
        List<String> slowCodes = List.of(TestData.unique("slow"), TestData.unique("slow"));
        List<SlowAppend> slow = new ArrayList<>();
        List<String> fast = new ArrayList<>();
        int acknowledgedWhileOpen = 0;
        int observations = 0;
        long appliedWhileOpen = 0;
        for (String slowCode : slowCodes) {
            SlowAppend append = new SlowAppend(slowNode, slowCode, Duration.ofSeconds(4));
            append.awaitAppended();
            slow.add(append);
            fast.add(register(fastNode));
            if (slow.stream().anyMatch(s -> !s.isCommitting())) {
                acknowledgedWhileOpen++;
            }
        }
        // Writing goes on; once the holes are older than the gap timeout, the next read may give them up.
        while (slow.stream().anyMatch(s -> !s.isCommitted())) {
            fast.add(register(fastNode));
            if (slow.stream().anyMatch(s -> !s.isCommitting())) {
                acknowledgedWhileOpen++;
            }
            long applied = applied(sql, fast);
            // only a look taken before the first slow registration began to commit shows what was held back
            if (!slow.get(0).isCommitting()) {
                observations++;
                appliedWhileOpen = Math.max(appliedWhileOpen, applied);
            }
            Thread.sleep(300);
        }
        slow.forEach(SlowAppend::awaitCommitted);
        for (int i = 0; i < 3; i++) {
            fast.add(register(fastNode));
        }
        awaitTrue(Duration.ofSeconds(30), () -> applied(sql, fast) == fast.size());
        Thread.sleep(2000);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                Long.class, slowCodes.get(0), slowCodes.get(1))).as("late commits stored").isEqualTo(2);
        return new Outcome(slowCodes, acknowledgedWhileOpen, observations, appliedWhileOpen);
    }

    private static String register(Api api) {
        Party party = TestData.dazhou();
        assertThat(api.post("/api/parties", party.json()).send().status()).isEqualTo(201);
        return party.code();
    }
}
