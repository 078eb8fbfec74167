package coop.ledger.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Axon's JDBC event store with one change on PostgreSQL: a streaming processor never passes over an event whose
 * transaction commits late (Axon issues #2958, #3374, #4829: a global position taken by a slow transaction is a
 * "gap" to a reader, and once the gap times out the event is skipped for good), while appends run concurrently.
 * <p>
 * Reads of the event stream stop at the {@link SettledHorizon}: the highest position at or below which no running
 * transaction holds a position. Every hole a reader passes there belongs to a transaction that rolled back, so no
 * gap timeout can lose an event; an event above the horizon is read once every transaction that might hold a
 * position below it has finished. For that, an append first takes the transaction-scoped advisory lock
 * {@code SettledHorizon.APPENDING} in shared mode, on the very connection and transaction that inserts the events
 * and before the insert takes positions: it marks the transaction as appending, and since nobody takes that lock
 * exclusively, no append waits for another.
 * Tokens made at the head of the stream or at a time are held to the horizon too, so a processor that starts there
 * does not begin above a running transaction's event. The design and its correctness argument are in
 * {@code docs/cluster-appends.md}.
 * <p>
 * It also reads one event of a record alone ({@link #readEvent}), for a correction that cites it.
 */
public class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    /** How long a read waits at most, in steps of {@code SETTLE_STEP_MILLIS}, for positions taken above the horizon. */
    private static final int SETTLE_STEPS = 20;
    private static final long SETTLE_STEP_MILLIS = 5;

    private final TransactionManager transactionManager;
    private final SettledHorizon horizon;

    /**
     * @param builder            a fully configured builder, as for {@link JdbcEventStorageEngine#builder()}
     * @param transactionManager the same transaction manager the builder has
     * @param settledReads       {@code true} on PostgreSQL; {@code false} behaves exactly like Axon's engine
     */
    public CommitOrderedEventStorageEngine(Builder builder, TransactionManager transactionManager,
                                           boolean settledReads) {
        super(builder);
        this.transactionManager = transactionManager;
        this.horizon = settledReads ? new SettledHorizon(schema().domainEventTable(), schema().globalIndexColumn())
                : null;
    }

    /** Whether stream reads stop at the settled horizon (on PostgreSQL, unless turned off). */
    public boolean readsSettledOnly() {
        return horizon != null;
    }

    /**
     * Event {@code sequenceNumber} of the record {@code aggregateIdentifier}, read alone (one row, where
     * {@code readEvents} reads a batch), upcast and deserialized as {@code readEvents} would return it; empty when the
     * record has no such event.
     */
    public Optional<DomainEventMessage<?>> readEvent(String aggregateIdentifier, long sequenceNumber) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                fetchDomainEvents(aggregateIdentifier, sequenceNumber, 1).stream(), getEventSerializer(),
                upcasterChain);
        return stream.hasNext() ? Optional.of(stream.next()) : Optional.empty();
    }

    /**
     * {@code position}, or the settled horizon if that is lower: the highest position up to which the events can
     * no longer change (no running transaction holds a position there). Without the horizon (H2, or turned off),
     * {@code position} itself.
     */
    public long settledUpTo(long position) {
        if (horizon == null) {
            return position;
        }
        long settled = transactionManager.fetchInTransaction(() -> {
            Connection connection = getConnection();
            try {
                return horizon.advance(connection);
            } catch (SQLException e) {
                throw new EventStoreException("Could not read the settled horizon", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
        return Math.min(position, settled);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (horizon == null || events.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        // Joins the unit of work's transaction; without one, the mark and the insert still share one transaction.
        transactionManager.executeInTransaction(() -> {
            // Marked as appending before taking positions: a horizon candidate relies on it (SettledHorizon).
            JdbcUtils.executeQuery(getConnection(), connection -> {
                PreparedStatement mark = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)");
                mark.setLong(1, SettledHorizon.APPENDING);
                return mark;
            }, resultSet -> null, e -> new EventStoreException("Could not mark the transaction as appending", e));
            super.appendEvents(events, serializer);
        });
    }

    @Override
    protected PreparedStatement readEventDataWithoutGaps(Connection connection, long globalIndex, int batchSize)
            throws SQLException {
        return super.readEventDataWithoutGaps(connection, globalIndex, settledBatch(connection, globalIndex,
                batchSize));
    }

    @Override
    protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
                                                      List<Long> gaps) throws SQLException {
        // only the range after the token is held back; reading a gap never moves the token forward
        return super.readEventDataWithGaps(connection, globalIndex, settledBatch(connection, globalIndex, batchSize),
                gaps);
    }

    @Override
    public TrackingToken createHeadToken() {
        return settled(super.createHeadToken());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return settled(super.createTokenAt(dateTime));
    }

    /**
     * The batch size that keeps a read after {@code globalIndex} at or below the horizon (Axon reads
     * {@code globalIndex < i <= globalIndex + batchSize}). When positions are taken above the token but none is
     * settled yet, waits a little for the transactions running to finish (they are short), so that the last events
     * of a burst are not left for the next poll, which may be a second away.
     */
    private int settledBatch(Connection connection, long globalIndex, int batchSize) throws SQLException {
        if (horizon == null) {
            return batchSize;
        }
        long settled = horizon.advance(connection);
        for (int step = 0; settled <= globalIndex && horizon.waiting() && step < SETTLE_STEPS; step++) {
            try {
                Thread.sleep(SETTLE_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            settled = horizon.advance(connection);
        }
        return (int) Math.max(0, Math.min(batchSize, settled - globalIndex));
    }

    /** {@code token} held to the horizon: a processor starting there reads every event above it. */
    private TrackingToken settled(TrackingToken token) {
        if (horizon == null || !(token instanceof GapAwareTrackingToken gapAware)) {
            return token;
        }
        long settled = settledUpTo(gapAware.getIndex());
        return settled == gapAware.getIndex() ? token
                : GapAwareTrackingToken.newInstance(settled, Collections.emptySortedSet());
    }
}
