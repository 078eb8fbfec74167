package coop.ledger.processing;

import coop.ledger.eventstore.EventStoreSettings;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The lease one node holds while it rebuilds the projections on a cluster: the other nodes keep away from the
 * processor's segments while it is live, claim again when it ends, and a lease whose node stopped renewing it (it
 * died) stops counting after one claim timeout, so nothing stays stuck. Two "nodes" share one H2 database here.
 */
class RebuildLeaseTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    private final JdbcDataSource database = new JdbcDataSource();
    private final MovableClock clock = new MovableClock();
    private final StreamingEventProcessor processorOfB = mock(StreamingEventProcessor.class);

    RebuildLeaseTest() throws IOException {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (InputStream ddl = getClass().getResourceAsStream("/db/migration/common/V10_7__projection_rebuild.sql")) {
            new JdbcTemplate(database).execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void another_node_releases_every_segment_while_the_lease_is_live() {
        RebuildLease a = lease("node-a", mock(StreamingEventProcessor.class));
        RebuildLease b = lease("node-b", processorOfB);

        assertThat(a.acquire("auditor", 1234)).isTrue();
        assertThat(b.acquire("admin", 1234)).as("one rebuild at a time in the cluster").isFalse();
        b.look();

        assertThat(b.elsewhere()).hasValueSatisfying(holder -> {
            assertThat(holder.nodeId()).isEqualTo("node-a");
            assertThat(holder.startedBy()).isEqualTo("auditor");
            assertThat(holder.head()).isEqualTo(1234);
        });
        // Two looks' worth (a look is a quarter of the claim timeout), renewed at every look.
        verify(processorOfB).releaseSegment(0, 1000, TimeUnit.MILLISECONDS);
        verify(processorOfB).releaseSegment(1, 1000, TimeUnit.MILLISECONDS);
    }

    @Test
    void the_holder_renewing_keeps_its_lease_live_past_a_claim_timeout() {
        RebuildLease a = lease("node-a", mock(StreamingEventProcessor.class));
        RebuildLease b = lease("node-b", processorOfB);
        a.acquire("auditor", 10);

        clock.advance(Duration.ofMillis(1500));
        a.look();
        clock.advance(Duration.ofMillis(1500));
        b.look();

        assertThat(b.elsewhere()).isPresent();
        assertThat(b.acquire("admin", 10)).isFalse();
    }

    @Test
    void when_the_lease_ends_the_others_claim_again_and_another_rebuild_may_start() {
        RebuildLease a = lease("node-a", mock(StreamingEventProcessor.class));
        RebuildLease b = lease("node-b", processorOfB);
        a.acquire("auditor", 10);
        b.look();

        a.release();
        b.look();

        assertThat(b.elsewhere()).isEmpty();
        assertThat(b.acquire("admin", 20)).isTrue();
    }

    @Test
    void a_lease_its_node_stopped_renewing_goes_stale_after_a_claim_timeout_and_can_be_taken_over() {
        RebuildLease dead = lease("node-a", mock(StreamingEventProcessor.class));
        RebuildLease b = lease("node-b", processorOfB);
        RebuildLease c = lease("node-c", mock(StreamingEventProcessor.class));
        dead.acquire("auditor", 10);

        clock.advance(CLAIM_TIMEOUT.plusMillis(1));
        b.look();

        assertThat(b.elsewhere()).as("a stale lease holds nobody back").isEmpty();
        verify(processorOfB, never()).releaseSegment(0, 1000, TimeUnit.MILLISECONDS);
        assertThat(b.acquire("admin", 20)).as("taken over").isTrue();
        // The dead node's late end (it came back) does not end the lease that replaced its own.
        dead.release();
        c.look();
        assertThat(c.elsewhere()).hasValueSatisfying(holder -> assertThat(holder.nodeId()).isEqualTo("node-b"));
    }

    private RebuildLease lease(String nodeId, StreamingEventProcessor processor) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        TokenStore tokens = mock(TokenStore.class);
        when(tokens.fetchSegments(Projections.PROCESSOR)).thenReturn(new int[]{0, 1});
        return new RebuildLease(database, processing, tokens, NoTransactionManager.INSTANCE, clock,
                new EventStoreSettings(nodeId, CLAIM_TIMEOUT, true, Duration.ofSeconds(60), 250));
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T06:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
