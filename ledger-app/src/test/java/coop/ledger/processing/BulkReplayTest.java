package coop.ledger.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rebuild's own replay: chunks commit with the tokens, progress follows the commits, a failure keeps what the
 * chunks before it committed, and handlers see a replay up to the position the tokens had when they were reset.
 */
class BulkReplayTest {

    private static final String PROCESSOR = "test-projections";

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryTokenStore tokenStore = new InMemoryTokenStore();
    private final RecordingHandler handler = new RecordingHandler();

    /** Records each event's number and whether it came as a replay; refuses the number it is told to. */
    static final class RecordingHandler {
        final List<Integer> seen = new ArrayList<>();
        final List<Boolean> replayed = new ArrayList<>();
        int refuse = -1;

        @EventHandler
        void on(Integer number, ReplayStatus status) {
            if (number == refuse) {
                throw new IllegalStateException("refused " + number);
            }
            seen.add(number);
            replayed.add(status.isReplay());
        }
    }

    @BeforeEach
    void history() {
        append(1, 25);
    }

    @AfterEach
    void close() {
        eventStore.shutDown();
    }

    @Test
    void applies_every_event_in_chunks_and_leaves_the_tokens_at_the_last_one() throws Exception {
        resetTo(null);
        List<Long> committed = new ArrayList<>();

        long applied = bulk(10).run(head(), committed::add);

        assertThat(applied).isEqualTo(25);
        assertThat(handler.seen).isEqualTo(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(committed).containsExactly(9L, 19L, 24L);
        assertThat(WrappedToken.unwrapLowerBound(tokenStore.fetchToken(PROCESSOR, 0)).position()).hasValue(24);
    }

    @Test
    void a_failing_event_keeps_the_chunks_committed_before_it() {
        resetTo(null);
        handler.refuse = 15;

        assertThatThrownBy(() -> bulk(10).run(head(), position -> { }))
                .hasStackTraceContaining("refused 15");

        assertThat(WrappedToken.unwrapLowerBound(tokenStore.fetchToken(PROCESSOR, 0)).position()).hasValue(9);
    }

    @Test
    void events_up_to_the_position_at_the_reset_are_a_replay_and_later_ones_are_not() throws Exception {
        TrackingToken atEvent20;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            TrackedEventMessage<?> event = null;
            for (int n = 1; n <= 20; n++) {
                event = stream.nextAvailable();
            }
            atEvent20 = event.trackingToken();
        }
        resetTo(atEvent20);

        bulk(100).run(head(), position -> { });

        assertThat(handler.replayed.subList(0, 20)).containsOnly(true);
        assertThat(handler.replayed.subList(20, 25)).containsOnly(false);
        assertThat(tokenStore.fetchToken(PROCESSOR, 0)).isNotInstanceOf(ReplayToken.class);
    }

    private BulkReplay bulk(int chunk) {
        return new BulkReplay(eventStore, tokenStore, NoTransactionManager.instance(),
                SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build(),
                PROCESSOR, chunk);
    }

    /** The token layout a reset leaves: one segment, replaying from the start up to {@code tokenAtReset}. */
    private void resetTo(TrackingToken tokenAtReset) {
        tokenStore.initializeTokenSegments(PROCESSOR, 1);
        tokenStore.storeToken(ReplayToken.createReplayToken(tokenAtReset), PROCESSOR, 0);
        tokenStore.releaseClaim(PROCESSOR, 0);
    }

    private long head() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    private void append(int from, int to) {
        for (int n = from; n <= to; n++) {
            eventStore.publish(new GenericDomainEventMessage<>("Record", "record", n - 1, n));
        }
    }
}
