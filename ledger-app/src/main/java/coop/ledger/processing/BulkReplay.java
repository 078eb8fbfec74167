package coop.ledger.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Feeds the history to the projection handlers in large transactions, without the pooled processor, while that
 * processor is shut down after a reset.
 *
 * <p>The processor hands a segment at most 1,024 buffered events, so each of its transactions holds at most that
 * many, and a record touched in every batch has its rows read and written again each time. Here one transaction
 * applies {@code chunk} events: the same handlers, the same batch-scoped row cache of {@link ReadModelStore}, but
 * each row is read and written once per chunk. Every chunk commits its rows together with the tokens of all
 * segments, exactly as a processor batch does, so a crash in the middle leaves tables and tokens agreeing and the
 * processor simply goes on from there when it starts.
 *
 * <p>Events carry the segment's replay token, as in the processor, so handlers see {@code ReplayStatus.REPLAY}
 * until the position the tokens had when they were reset.
 */
final class BulkReplay {

    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final EventHandlerInvoker handlers;
    private final String processor;
    private final int chunk;

    BulkReplay(EventStore eventStore, TokenStore tokenStore, TransactionManager transactions,
               EventHandlerInvoker handlers, String processor, int chunk) {
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.handlers = handlers;
        this.processor = processor;
        this.chunk = chunk;
    }

    /**
     * Applies every event from the segments' lowest position up to {@code head} (and any stored meanwhile that the
     * stream offers before it runs dry), reporting the position reached after each committed chunk. An event a
     * segment had already applied changes nothing (every row remembers the last sequence it applied). Claims the
     * segments and releases them at the end, so the processor can claim them when it starts.
     *
     * @return the number of events applied
     */
    long run(long head, LongConsumer committedUpTo) throws Exception {
        int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processor));
        TrackingToken[] tokens = new TrackingToken[segments.length];
        transactions.executeInTransaction(() -> {
            for (int i = 0; i < segments.length; i++) {
                tokens[i] = tokenStore.fetchToken(processor, segments[i]);
            }
        });
        TrackingToken start = WrappedToken.unwrapLowerBound(tokens[0]);
        for (TrackingToken token : tokens) {
            TrackingToken lower = WrappedToken.unwrapLowerBound(token);
            start = start == null || lower == null ? null : start.lowerBound(lower);
        }
        long applied = 0;
        try (Prefetch events = new Prefetch(eventStore.openStream(start), head)) {
            List<EventMessage<?>> batch = new ArrayList<>(chunk);
            TrackingToken messageToken = tokens[0];
            for (Next next = events.take(); next.event() != null; next = events.take()) {
                TrackedEventMessage<?> event = next.event();
                messageToken = WrappedToken.advance(messageToken, event.trackingToken());
                batch.add(event.withTrackingToken(messageToken));
                if (batch.size() >= chunk || next.last()) {
                    advance(tokens, event.trackingToken());
                    apply(batch, segments, tokens);
                    applied += batch.size();
                    batch.clear();
                    committedUpTo.accept(event.trackingToken().position().orElse(-1));
                }
            }
        } finally {
            transactions.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.releaseClaim(processor, segment);
                }
            });
        }
        return applied;
    }

    /** One transaction: the chunk's events through the handlers, then the segments' tokens, then commit. */
    private void apply(List<EventMessage<?>> batch, int[] segments, TrackingToken[] tokens) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> {
            for (int i = 0; i < segments.length; i++) {
                tokenStore.storeToken(tokens[i], processor, segments[i]);
            }
        });
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
    }

    /** An event read ahead, whether it is the last one to apply, or (event null) the end of the stream. */
    private record Next(TrackedEventMessage<?> event, boolean last, Throwable failure) {
    }

    /**
     * Reads and deserializes the events on a thread of its own, a few thousand ahead of the one applying them:
     * on two cores the reading and the applying then overlap.
     */
    private static final class Prefetch implements AutoCloseable {

        private final BlockingQueue<Next> queue = new ArrayBlockingQueue<>(4096);
        private final Thread reader;
        private volatile boolean closed;

        Prefetch(BlockingStream<TrackedEventMessage<?>> stream, long head) {
            reader = new Thread(() -> read(stream, head), "projections-rebuild-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(BlockingStream<TrackedEventMessage<?>> stream, long head) {
            try (stream) {
                boolean more = stream.hasNextAvailable();
                while (more && !closed) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    event.getPayload();
                    more = event.trackingToken().position().orElse(-1) < head && stream.hasNextAvailable();
                    queue.put(new Next(event, !more, null));
                }
                queue.put(new Next(null, true, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable failure) {
                try {
                    queue.put(new Next(null, true, failure)); // waits for room: the applier must hear of it
                } catch (InterruptedException closedMeanwhile) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        Next take() throws Exception {
            Next next = queue.take();
            if (next.failure() != null) {
                throw new IllegalStateException("reading the events failed: " + next.failure().getMessage(),
                        next.failure());
            }
            return next;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
        }
    }

    private static void advance(TrackingToken[] tokens, TrackingToken to) {
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = WrappedToken.advance(tokens[i], to);
        }
    }
}
