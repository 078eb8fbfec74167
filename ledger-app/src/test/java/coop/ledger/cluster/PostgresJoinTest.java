package coop.ledger.cluster;

import coop.ledger.testing.EventCounter;
import coop.ledger.testing.PostgresNodes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static coop.ledger.cluster.PostgresScaleOutTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that joins a running cluster takes its share of each streaming processor's segments: the first node up
 * holds all four segments of a processor until the second announces itself, then gives up the ones above its fair
 * share (SegmentBalancer), and the newcomer claims them.
 */
class PostgresJoinTest {

    @Test
    void a_node_that_joins_takes_its_share_of_the_segments() {
        PostgresNodes database = PostgresNodes.freshDatabase();
        String fast = "ledger.cluster.balance-interval=500ms";
        try (ConfigurableApplicationContext first = database.start("first-node", fast)) {
            awaitTrue(Duration.ofSeconds(30), () -> held(first) == 4);

            long joined = System.nanoTime();
            try (ConfigurableApplicationContext second = database.start("joining-node", fast)) {
                awaitTrue(Duration.ofSeconds(30), () -> held(second) == 2 && held(first) == 2);
                long millis = (System.nanoTime() - joined) / 1_000_000;
                System.out.printf("[join] the joining node holds 2 of 4 segments %d ms after it started%n", millis);

                assertThat(held(first) + held(second)).isEqualTo(4);
            }
        }
    }

    private static int held(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(EventCounter.GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size())
                .orElse(0);
    }
}
