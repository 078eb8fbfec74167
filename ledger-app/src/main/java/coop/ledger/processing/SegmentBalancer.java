package coop.ledger.processing;

import coop.ledger.eventstore.EventStoreSettings;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the segments of every streaming processor over the nodes that share one database. Axon 4 without Axon
 * Server never rebalances: the first node up claims every segment and a node that joins later would stay idle. So
 * each node announces itself in {@code cluster_node} every {@code ledger.cluster.balance-interval}, counts the live
 * nodes, and when it holds more than its fair share (segments / live nodes, rounded up) of a processor, releases one
 * segment for a few intervals; a node below its share claims it through Axon's own token claims.
 * Off ({@code 0s}, the default) for a single node; the {@code postgres} profile turns it on.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String HEARTBEAT = "MERGE INTO cluster_node n "
            + "USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (node_id, seen_at) "
            + "ON n.node_id = s.node_id "
            + "WHEN MATCHED THEN UPDATE SET seen_at = s.seen_at "
            + "WHEN NOT MATCHED THEN INSERT (node_id, seen_at) VALUES (s.node_id, s.seen_at)";

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final TokenStore tokenStore;
    private final Clock clock;
    private final Duration interval;
    private final String nodeId;
    private ScheduledExecutorService schedule;

    public SegmentBalancer(DataSource dataSource, Configuration axon, TokenStore tokenStore, Clock clock,
                           EventStoreSettings settings,
                           @Value("${ledger.cluster.balance-interval:0s}") Duration interval) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.axon = axon;
        this.tokenStore = tokenStore;
        this.clock = clock;
        this.interval = interval;
        this.nodeId = nodeId(settings);
    }

    /** This node's name in the token claims and the cluster tables: the configured one, else Axon's default. */
    public static String nodeId(EventStoreSettings settings) {
        return settings.nodeId() == null || settings.nodeId().isBlank()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : settings.nodeId();
    }

    /** One round: announce this node, then give up one segment of each processor where it holds too many. */
    public void balance() {
        jdbc.update(HEARTBEAT, nodeId, Timestamp.from(clock.instant()));
        Integer live = jdbc.queryForObject("SELECT COUNT(*) FROM cluster_node WHERE seen_at > ?", Integer.class,
                Timestamp.from(clock.instant().minus(interval.multipliedBy(3))));
        int nodes = Math.max(1, live == null ? 1 : live);
        axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> releaseAboveFairShare(processor, nodes));
    }

    private void releaseAboveFairShare(StreamingEventProcessor processor, int nodes) {
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        int fairShare = (segments + nodes - 1) / nodes;
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        if (held.size() > fairShare) {
            int segment = held.keySet().stream().max(Integer::compare).orElseThrow();
            log.info("Node {} holds {} of {} segments of {} with {} live nodes: releasing segment {}", nodeId,
                    held.size(), segments, processor.getName(), nodes, segment);
            processor.releaseSegment(segment, interval.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                // A database hiccup must not stop the balancing for good; the next round tries again.
                log.warn("Segment balancing round failed: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", nodeId);
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isShutdown();
    }
}
