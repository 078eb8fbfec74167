package coop.ledger.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Set;

/**
 * The settled horizon of the event store on PostgreSQL: a global position at or below which no transaction that is
 * still running holds a position, so every event there is either committed (and visible to any later statement) or
 * gone for good with a rollback. A streaming processor that reads no further than the horizon can never pass over
 * an event that commits later, and the holes it passes are dead.
 * <p>
 * A running transaction's own rows are invisible, so its positions cannot be read. What can be read is the identity
 * sequence ({@code last_value}) and which transactions are appending: every append first takes the shared,
 * transaction-scoped advisory lock {@link #APPENDING} ({@link CommitOrderedEventStorageEngine}), which no one ever
 * takes exclusively, so no append waits for it; PostgreSQL releases it at commit or rollback, after the commit is
 * visible. The horizon moves in two steps:
 * <ol>
 *     <li>a <em>candidate</em>: read the last position taken, {@code L}, then (in a later statement) the
 *     transactions holding the lock. Whoever holds a position up to {@code L} took the lock before taking the
 *     position, so before {@code L} was read: it has finished already, or it is in that list;</li>
 *     <li>the candidate is <em>settled</em> once no transaction of its list holds the lock any more (at once, when
 *     the list was empty).</li>
 * </ol>
 * The sequence must hand out positions one by one ({@code CACHE 1}, migration V1): a session that cached a block
 * could take a position below {@code L} after {@code L} was read, before it took the lock. Reads must run at READ
 * COMMITTED, where each statement has a snapshot of its own taken when it starts: under REPEATABLE READ, a read
 * after the horizon would not see the commits the horizon relies on. (Transaction ids and {@code pg_current_snapshot()}
 * cannot replace the lock: a snapshot lists only the running ids below its {@code xmax}, the oldest not yet
 * completed, so the newest appenders are missing from it; and it counts every writing transaction, projections
 * included, so the horizon would wait for work that takes no positions.)
 * <p>
 * Shared by every reader of one event store (thread-safe); the horizon only moves forward.
 */
final class SettledHorizon {

    /** The advisory lock key appends hold shared ("LEDGER" in ASCII, then 1); no other code may use it. */
    static final long APPENDING = 0x4C4544474552_0001L;

    /** Candidates kept while they wait; beyond it the newest is replaced, which only delays progress. */
    private static final int MAX_PENDING = 32;

    private final String table;
    private final String column;
    private volatile String sequence;
    private long settled;
    private long lastTaken;
    private final ArrayDeque<Candidate> pending = new ArrayDeque<>();

    /** @param table the event table, @param column its identity column of global positions */
    SettledHorizon(String table, String column) {
        this.table = table;
        this.column = column;
    }

    /**
     * A position, the appending transactions (virtual transaction ids) seen after it was read, and when that list
     * had been read ({@link System#nanoTime()}).
     */
    private record Candidate(long position, Set<String> appending, long listedBy) {

        /** Settled by a list whose reading started at {@code listFrom}: later, and none of its appenders left. */
        boolean settledBy(Set<String> list, long listFrom) {
            return appending.isEmpty() || (listFrom - listedBy > 0 && Collections.disjoint(appending, list));
        }
    }

    /**
     * Moves the horizon as far as this moment allows, with two statements on {@code connection} (which must be at
     * READ COMMITTED), and returns it. A statement run after this call sees every committed event up to it.
     */
    long advance(Connection connection) throws SQLException {
        long taken = lastTaken(connection);
        // Readers run concurrently: a list proves an older candidate's appenders ended only if it was read after
        // that candidate's list (an appender that began in between is in neither, and has not ended).
        long listFrom = System.nanoTime();
        Set<String> appending = appending(connection);
        long listedBy = System.nanoTime();
        synchronized (this) {
            lastTaken = Math.max(lastTaken, taken);
            if (taken > settled && (pending.isEmpty() || taken > pending.peekLast().position())) {
                if (pending.size() == MAX_PENDING) {
                    pending.removeLast();
                }
                pending.addLast(new Candidate(taken, appending, listedBy));
            }
            for (Candidate candidate : pending) {
                if (candidate.settledBy(appending, listFrom)) {
                    settled = Math.max(settled, candidate.position());
                }
            }
            pending.removeIf(candidate -> candidate.position() <= settled);
            return settled;
        }
    }

    /** Whether positions were taken above the horizon when it was last advanced (events may be waiting). */
    synchronized boolean waiting() {
        return lastTaken > settled;
    }

    private long lastTaken(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + sequence(connection));
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The transactions holding {@link #APPENDING} now, by virtual transaction id (unique per transaction). */
    private static Set<String> appending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT current_setting('transaction_isolation'), "
                + "ARRAY(SELECT l.virtualtransaction FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1)")) {
            // pg_locks shows a bigint key as its high and low 32 bits
            select.setLong(1, APPENDING >>> 32);
            select.setLong(2, APPENDING & 0xFFFF_FFFFL);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (!"read committed".equals(rs.getString(1))) {
                    throw new IllegalStateException("The settled horizon needs READ COMMITTED reads, not "
                            + rs.getString(1) + ": each statement must see the commits made before it started");
                }
                return Set.of((String[]) rs.getArray(2).getArray());
            }
        }
    }

    /** The identity sequence, checked once to hand out positions one by one (see the class comment). */
    private String sequence(Connection connection) throws SQLException {
        String known = sequence;
        if (known != null) {
            return known;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT s.seqrelid::regclass::text, s.seqcache "
                + "FROM pg_sequence s WHERE s.seqrelid = pg_get_serial_sequence(?, ?)::regclass")) {
            select.setString(1, table);
            select.setString(2, column);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(table + "." + column + " has no identity sequence");
                }
                if (rs.getLong(2) != 1) {
                    throw new IllegalStateException(rs.getString(1) + " caches " + rs.getLong(2)
                            + " positions per session; the settled horizon needs CACHE 1");
                }
                sequence = rs.getString(1);
                return sequence;
            }
        }
    }
}
