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
 * at once, while writing goes on until well after the slow ones committed.
 */
final class LateCommits {

    private LateCommits() {
    }

    /** Runs the scenario and returns the codes of the two late-committing parties, once everything settled. */
    static List<String> run(ConfigurableApplicationContext slowNode, Api fastNode, JdbcTemplate sql)
            throws InterruptedException {
        List<String> slowCodes = List.of(TestData.unique("slow"), TestData.unique("slow"));
        List<SlowAppend> slow = new ArrayList<>();
        List<String> fast = new ArrayList<>();
        for (String slowCode : slowCodes) {
            SlowAppend append = new SlowAppend(slowNode, slowCode, Duration.ofSeconds(4));
            append.awaitAppended();
            slow.add(append);
            fast.add(register(fastNode));
        }
        // Writing goes on; once the holes are older than the gap timeout, the next read may give them up.
        while (slow.stream().anyMatch(s -> !s.isCommitted())) {
            fast.add(register(fastNode));
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
        return slowCodes;
    }

    private static String register(Api api) {
        Party party = TestData.dazhou();
        assertThat(api.post("/api/parties", party.json()).send().status()).isEqualTo(201);
        return party.code();
    }
}
