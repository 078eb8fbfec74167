package coop.ledger.processing;

import coop.ledger.eventstore.EventStoreSettings;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets one node of a cluster rebuild the projections while the others keep running: the rebuilding node holds a
 * lease, a row in {@code projection_rebuild}, and every other node, seeing a live lease, releases the segments of
 * the {@code projections} processor it holds and claims none while the lease lasts (Axon's
 * {@code releaseSegment}, which also keeps a processor from claiming a segment it does not hold). The rebuilding
 * node can then claim every segment in the token table and keep the claims until it has applied the history.
 *
 * <p>Everything is bounded by the token store's claim timeout ({@code ledger.cluster.claim-timeout}): the holder
 * renews the lease (and extends its segment claims) four times per timeout; the others look four times per
 * timeout and release for two of their looks at a time, so they claim again at most half a timeout after the lease
 * ends. A lease not renewed for a whole timeout is stale: its node died, the others stop keeping away, its segment
 * claims time out as Axon's always do, and the processors go on from the tokens of the last chunk it committed.
 */
@Component
class RebuildLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildLease.class);

    /** A live lease of another node: who rebuilds, for whom, since when, up to which global position. */
    record Holder(String nodeId, String startedBy, Instant startedAt, long head) {
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Duration timeout;
    private final Duration look;
    private final String nodeId;
    private volatile boolean held;
    private volatile boolean claimsHeld;
    private volatile Holder elsewhere;
    private ScheduledExecutorService schedule;

    RebuildLease(DataSource dataSource, EventProcessingConfiguration processing, TokenStore tokenStore,
                 TransactionManager transactions, Clock clock, EventStoreSettings settings) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.clock = clock;
        this.timeout = settings.claimTimeout();
        this.look = Duration.ofMillis(Math.max(100, timeout.toMillis() / 4));
        this.nodeId = SegmentBalancer.nodeId(settings);
    }

    String nodeId() {
        return nodeId;
    }

    /** Takes the lease for a rebuild up to {@code head}; false while another node holds a live one. */
    synchronized boolean acquire(String startedBy, long head) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = ? AND seen_at < ?", Projections.PROCESSOR,
                Timestamp.from(now.minus(timeout)));
        try {
            jdbc.update("INSERT INTO projection_rebuild (processor_name, node_id, started_by, started_at, head, "
                            + "seen_at) VALUES (?, ?, ?, ?, ?, ?)", Projections.PROCESSOR, nodeId, startedBy,
                    Timestamp.from(now), head, Timestamp.from(now));
        } catch (DuplicateKeyException taken) {
            return false;
        }
        held = true;
        elsewhere = null;
        return true;
    }

    /** From now on (until {@link #claimsReleased()}) the renewals also extend this node's segment claims. */
    void claimsTaken() {
        claimsHeld = true;
    }

    void claimsReleased() {
        claimsHeld = false;
    }

    /** Ends this node's lease: the others claim segments again within half a claim timeout. */
    synchronized void release() {
        claimsHeld = false;
        held = false;
        jdbc.update("DELETE FROM projection_rebuild WHERE processor_name = ? AND node_id = ?", Projections.PROCESSOR,
                nodeId);
    }

    /** The live lease of another node, as this node saw it at its last look. */
    Optional<Holder> elsewhere() {
        return Optional.ofNullable(elsewhere);
    }

    /**
     * How long a rebuild waits for the other nodes to give up their claims: a look to see the lease, a batch in
     * progress to commit, and the claims of a node that died without releasing them to time out.
     */
    Duration claimWait() {
        return timeout.multipliedBy(3);
    }

    /** One look: renew this node's lease, or keep away from the segments while another node's lease is live. */
    void look() {
        if (held) {
            renew();
            return;
        }
        Holder holder = jdbc.query("SELECT node_id, started_by, started_at, head FROM projection_rebuild "
                        + "WHERE processor_name = ? AND seen_at >= ?",
                (rs, n) -> new Holder(rs.getString("node_id"), rs.getString("started_by"),
                        rs.getTimestamp("started_at").toInstant(), rs.getLong("head")),
                Projections.PROCESSOR, Timestamp.from(clock.instant().minus(timeout))).stream()
                .filter(h -> !h.nodeId().equals(nodeId))
                .findFirst().orElse(null);
        if (holder != null) {
            if (elsewhere == null) {
                log.info("Node {} rebuilds the projections: node {} releases the processor's segments", holder.nodeId(),
                        nodeId);
            }
            StreamingEventProcessor processor = processor();
            for (int segment : transactions.fetchInTransaction(() -> tokenStore.fetchSegments(Projections.PROCESSOR))) {
                processor.releaseSegment(segment, look.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            }
        } else if (elsewhere != null) {
            log.info("The rebuild on node {} is over: node {} claims segments again", elsewhere.nodeId(), nodeId);
        }
        elsewhere = holder;
    }

    private void renew() {
        jdbc.update("UPDATE projection_rebuild SET seen_at = ? WHERE processor_name = ? AND node_id = ?",
                Timestamp.from(clock.instant()), Projections.PROCESSOR, nodeId);
        if (claimsHeld) {
            // A chunk that takes longer than the claim timeout must not let a node that has not yet seen the lease
            // (one starting up) take a segment from under the rebuild.
            try {
                transactions.executeInTransaction(() -> {
                    for (int segment : tokenStore.fetchSegments(Projections.PROCESSOR)) {
                        tokenStore.extendClaim(Projections.PROCESSOR, segment);
                    }
                });
            } catch (UnableToClaimTokenException releasedMeanwhile) {
                log.debug("Segment claims already released: {}", releasedMeanwhile.getMessage());
            }
        }
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + Projections.PROCESSOR));
    }

    @Override
    public void start() {
        // A lease of this node's earlier life (it died rebuilding and came back) is over: this life rebuilds nothing.
        jdbc.update("DELETE FROM projection_rebuild WHERE node_id = ?", nodeId);
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-rebuild-lease");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                look();
            } catch (RuntimeException e) {
                // A database hiccup must not stop the looks for good; the next one tries again.
                log.warn("Rebuild lease look failed: {}", e.toString());
            }
        }, 0, look.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isShutdown();
    }
}
