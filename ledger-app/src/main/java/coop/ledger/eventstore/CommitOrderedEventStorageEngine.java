package coop.ledger.eventstore;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

/**
 * Axon's JDBC event store with one change on PostgreSQL: global positions are taken in commit order, so a
 * streaming processor can never pass over an event whose transaction commits late (Axon issues #2958, #3374,
 * #4829: an identity value taken by a slow transaction becomes a "gap", and once the gap times out the event is
 * skipped for good).
 * <p>
 * Right before inserting, an append takes the transaction-scoped advisory lock {@link #APPEND_LOCK} on the very
 * connection (and transaction) that inserts the events. PostgreSQL releases it only at commit or rollback, so the
 * identity values of one transaction are taken and committed before any other transaction can take the next
 * ones: position order equals commit order, on any number of nodes sharing the database. The price is that
 * appends (from the insert to the commit) run one at a time across the cluster.
 * <p>
 * The lock is taken here, around {@code appendEvents}, and not in the append statement: the statement builder
 * ({@code JdbcEventStorageEngine.Builder#appendEventsStatementBuilder}) stays free to be replaced.
 * <p>
 * It also reads one event of a record alone ({@link #readEvent}), for a correction that cites it.
 */
public class CommitOrderedEventStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock key of event appends ("LEDGER" in ASCII, then 1); no other code may use it. */
    public static final long APPEND_LOCK = 0x4C4544474552_0001L;

    private final TransactionManager transactionManager;
    private final boolean lockAppends;

    /**
     * @param builder            a fully configured builder, as for {@link JdbcEventStorageEngine#builder()}
     * @param transactionManager the same transaction manager the builder has
     * @param lockAppends        {@code true} on PostgreSQL; {@code false} behaves exactly like Axon's engine
     */
    public CommitOrderedEventStorageEngine(Builder builder, TransactionManager transactionManager,
                                           boolean lockAppends) {
        super(builder);
        this.transactionManager = transactionManager;
        this.lockAppends = lockAppends;
    }

    public boolean locksAppends() {
        return lockAppends;
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

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!lockAppends || events.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        // Joins the unit of work's transaction; without one, the lock and the insert still share one transaction.
        transactionManager.executeInTransaction(() -> {
            JdbcUtils.executeQuery(getConnection(), connection -> {
                PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)");
                lock.setLong(1, APPEND_LOCK);
                return lock;
            }, resultSet -> null, e -> new EventStoreException("Could not take the event append lock", e));
            super.appendEvents(events, serializer);
        });
    }
}
