package coop.ledger.testing;

import coop.ledger.processing.Projections;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * Base of the tests of the query endpoints: records project and programme events straight into the event store
 * (their write endpoints are built elsewhere; their events are a fixed contract) and waits for the projections.
 * Runs in an application of its own, shared by every dashboard test: in the one shared by all other HTTP tests
 * the projections were once seen to stop short of the newest events after the whole suite had run there (not
 * reproduced in smaller runs; see the closing note of the session that merged the dashboard).
 */
@org.springframework.test.context.TestPropertySource(properties = "ledger.test.context=dashboard")
public abstract class DashboardTest extends LedgerHttpTest {

    private static final Map<String, Long> NEXT_SEQUENCE = new ConcurrentHashMap<>();

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected TransactionManager transactionManager;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected TokenStore tokenStore;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Appends the events of one record (aggregate) in one transaction, continuing its sequence. */
    protected void append(String aggregateType, String aggregateId, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = NEXT_SEQUENCE.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                    MetaData.with("recordedBy", "test-history")));
        }
        // Fail loudly if an earlier test left a unit of work or a transaction on this thread: the events would
        // join it and stay uncommitted, invisible to the projections.
        org.assertj.core.api.Assertions.assertThat(org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted())
                .as("a unit of work leaked onto the test thread").isFalse();
        org.assertj.core.api.Assertions.assertThat(
                        org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive())
                .as("a transaction leaked onto the test thread").isFalse();
        transactionManager.executeInTransaction(() -> eventStore.publish(messages));
    }

    protected void project(String projectId, Object... payloads) {
        append("Project", projectId, payloads);
    }

    protected void programme(String programmeId, Object... payloads) {
        append("Programme", programmeId, payloads);
    }

    protected StreamingEventProcessor projections() {
        return processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + Projections.PROCESSOR));
    }

    /** Waits until every segment of the projections has processed the newest event in the store. */
    protected void awaitProjections() {
        awaitProjections(Duration.ofSeconds(30));
    }

    protected void awaitProjections(Duration patience) {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUpWith(head)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("projections did not reach position %d within %s: %s", head, patience, projections().processingStatus());
    }

    private boolean caughtUpWith(long head) {
        int segments = tokenStore.fetchSegments(Projections.PROCESSOR).length;
        Map<Integer, EventTrackerStatus> status = projections().processingStatus();
        if (segments == 0 || status.size() < segments) {
            return false;
        }
        for (EventTrackerStatus s : status.values()) {
            if (s.isErrorState()) {
                fail("projection segment %d failed: %s", s.getSegment().getSegmentId(), s.getError());
            }
            if (s.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }
}
