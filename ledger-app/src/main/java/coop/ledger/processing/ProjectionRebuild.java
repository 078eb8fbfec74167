package coop.ledger.processing;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every dashboard table from the events on demand (the "Audit" issue): shuts the {@code projections}
 * processor down, resets its tokens (the reset handler marks the tables, which the first chunk empties), applies
 * the history up to the head in large transactions ({@link BulkReplay}) and starts the processor again, which goes
 * on from there. One rebuild at
 * a time; queries keep answering from the tables as they fill.
 *
 * <p>On a cluster the rebuilding node first takes the {@link RebuildLease}: the other nodes then release the
 * processor's segments and keep away from them, so the reset can claim every segment, and the chunks commit their
 * tokens under those claims; when the history is applied the claims and the lease are released and every node's
 * processor claims segments again, going on from the tokens the last chunk stored. One rebuild at a time in the
 * whole cluster.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /** What a rebuild has done so far; positions are global positions in the event store. */
    public record Progress(String state, long eventsDone, long eventsTotal, Double eventsPerSecond,
                           Long etaSeconds, OffsetDateTime startedAt, OffsetDateTime finishedAt, String startedBy,
                           String error, String node) {
    }

    private record Run(String state, long head, Instant startedAt, Instant finishedAt, long done, String startedBy,
                       String error) {

        Run with(String newState, long newDone, Instant finished, String newError) {
            return new Run(newState, head, startedAt, finished, newDone, startedBy, newError);
        }
    }

    private static final Run IDLE = new Run("idle", 0, null, null, 0, null, null);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Clock clock;
    private final RebuildLease lease;
    private final ObjectProvider<ProcessorReconciliation> reconciliation;
    private final int chunk;
    private volatile Run run = IDLE;
    private volatile long bulkPosition = -1;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                             TransactionManager transactions, Clock clock, RebuildLease lease,
                             ObjectProvider<ProcessorReconciliation> reconciliation,
                             @Value("${ledger.projections.rebuild-chunk:2000}") int chunk) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
        this.reconciliation = reconciliation;
        this.chunk = chunk;
    }

    /** True while a rebuild runs, on this node or another: the tables then hold only part of the history. */
    public boolean running() {
        return runningHere() || lease.elsewhere().isPresent();
    }

    private boolean runningHere() {
        return run.state().equals("running");
    }

    /**
     * An opaque value that changes whenever a rebuild starts, ends or fails (compare by identity): what was read
     * from the tables before may no longer hold.
     */
    public Object phase() {
        return run;
    }

    /**
     * Starts a rebuild in the background and returns its first progress; empty when one is already running, here
     * or on another node.
     */
    public synchronized Optional<Progress> start(String by) {
        if (runningHere()) {
            return Optional.empty();
        }
        long head = position(eventStore.createHeadToken());
        if (!lease.acquire(by, head)) {
            return Optional.empty();
        }
        bulkPosition = -1;
        run = new Run("running", head, clock.instant(), null, 0, by, null);
        Thread worker = new Thread(this::rebuild, "projections-rebuild");
        worker.setDaemon(true);
        worker.start();
        return Optional.of(progress());
    }

    public Progress progress() {
        Optional<RebuildLease.Holder> elsewhere = lease.elsewhere();
        if (!runningHere() && elsewhere.isPresent()) {
            return progressElsewhere(elsewhere.get());
        }
        Run r = run;
        if (r.state().equals("running")) {
            r = r.with("running", Math.min(r.head(), done()), null, null);
        }
        Instant end = r.finishedAt() != null ? r.finishedAt() : clock.instant();
        Double rate = null;
        Long eta = null;
        if (r.startedAt() != null) {
            double seconds = Math.max(Duration.between(r.startedAt(), end).toMillis(), 1) / 1000.0;
            rate = Math.round(Math.max(0, r.done()) / seconds * 10) / 10.0;
            if (r.state().equals("running") && rate > 0) {
                eta = Math.round((r.head() - r.done()) / rate);
            } else if (r.state().equals("done")) {
                eta = 0L;
            }
        }
        return new Progress(r.state(), Math.max(0, r.done()), Math.max(0, r.head()), rate, eta, time(r.startedAt()),
                time(r.finishedAt()), r.startedBy(), r.error(), r.startedAt() == null ? null : lease.nodeId());
    }

    /** Another node's rebuild, as far as the shared token table shows it (its slowest segment). */
    private Progress progressElsewhere(RebuildLease.Holder holder) {
        long done = Math.min(holder.head(), reconciliation.getObject().tokens(Projections.PROCESSOR).slowestPosition());
        double seconds = Math.max(Duration.between(holder.startedAt(), clock.instant()).toMillis(), 1) / 1000.0;
        double rate = Math.round(Math.max(0, done) / seconds * 10) / 10.0;
        Long eta = rate > 0 ? Math.round((holder.head() - done) / rate) : null;
        return new Progress("running", Math.max(0, done), Math.max(0, holder.head()), rate, eta,
                time(holder.startedAt()), null, holder.startedBy(), null, holder.nodeId());
    }

    private void rebuild() {
        try {
            StreamingEventProcessor processor = processor();
            try {
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                long resetStart = System.nanoTime();
                resetWhenEverySegmentIsFree(processor);
                lease.claimsTaken();
                long applyStart = System.nanoTime();
                bulkPosition = 0;
                long applied = new BulkReplay(eventStore, tokenStore, transactions,
                        ((AbstractEventProcessor) processor).eventHandlerInvoker(), Projections.PROCESSOR, chunk)
                        .run(run.head(), position -> bulkPosition = position);
                log.info("Projections rebuild: tokens reset in {} ms, {} events applied in chunks "
                                + "of {} in {} ms; the processor goes on from there",
                        (applyStart - resetStart) / 1_000_000, applied, chunk,
                        (System.nanoTime() - applyStart) / 1_000_000);
            } finally {
                // Whatever failed, the processors run again from the tokens last committed: a failed reset leaves
                // the old tables and tokens, a failed chunk leaves the chunks before it. The other nodes' too, once
                // the lease is gone (the bulk replay has released its claims by now).
                try {
                    lease.release();
                } finally {
                    processor.start();
                }
            }
            while (!caughtUp(processor)) {
                Thread.sleep(100);
            }
            Run r = run;
            run = r.with("done", r.head(), clock.instant(), null);
            log.info("Projections rebuilt: {} events in {}", r.head(), Duration.between(r.startedAt(), clock.instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(e);
        } catch (Exception e) {
            failed(e);
        }
    }

    /**
     * Resets the tokens once no other node holds a claim on a segment: the reset claims every segment, and fails
     * while another node holds one. The others release theirs when they see the lease; a node that died holding
     * some loses them when its claims time out.
     */
    private void resetWhenEverySegmentIsFree(StreamingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + lease.claimWait().toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (RuntimeException e) {
                if (!heldElsewhere(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean heldElsewhere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    private void failed(Exception e) {
        log.error("Projection rebuild failed", e);
        Run r = run;
        run = r.with("failed", Math.min(r.head(), done()), clock.instant(), String.valueOf(e.getMessage()));
    }

    /**
     * Every segment claimed again, by whichever node, and at (or past) the head the rebuild started with, as the
     * shared token table shows; a failed segment of this node fails the rebuild.
     */
    private boolean caughtUp(StreamingEventProcessor processor) {
        for (EventTrackerStatus s : processor.processingStatus().values()) {
            if (s.isErrorState()) {
                throw new IllegalStateException("segment " + s.getSegment().getSegmentId() + " failed: "
                        + s.getError());
            }
        }
        ProcessorReconciliation.ProcessorPosition tokens = reconciliation.getObject().tokens(Projections.PROCESSOR);
        return tokens.segments() > 0 && !tokens.owners().containsValue("") && tokens.slowestPosition() >= run.head();
    }

    /**
     * The position every segment has reached: the lowest of them, or while the chunks are applied, the position of
     * the last one committed (0 before either).
     */
    private long done() {
        Map<Integer, EventTrackerStatus> status = processor().processingStatus();
        long processed = status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        return Math.max(processed, bulkPosition);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + Projections.PROCESSOR));
    }

    /** An event's global position; -1 for an empty store (no head token), which a rebuild has at once caught up. */
    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
