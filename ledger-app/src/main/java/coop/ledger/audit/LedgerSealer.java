package coop.ledger.audit;

import org.axonframework.common.DateTimeUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Seals what has been recorded so far: the Merkle root over all event hashes in global-position order up to the
 * newest settled position, chained to the previous seal. Only events recorded at least {@code settle} ago are
 * sealed, so a write still committing with a lower position than a committed one cannot land inside a sealed range
 * afterwards (positions are taken at insert, not at commit). Before sealing, the events new since the last seal
 * are checked against their hashes: a seal never covers content that no longer matches its hash.
 */
class LedgerSealer {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration settle;

    public LedgerSealer(DataSource dataSource, Clock clock, Duration settle) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settle = settle;
    }

    /** Seals the events recorded up to {@code settle} ago; empty when no event was recorded since the last seal. */
    public Optional<Seal> seal() throws SQLException {
        String cutoff = DateTimeUtils.formatInstant(clock.instant().minus(settle));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT MAX(global_index) FROM domain_event_entry WHERE time_stamp < ?")) {
            select.setString(1, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long position = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : sealThrough(position);
            }
        }
    }

    /** Seals every event up to {@code position}, whatever its age (for callers that know no write is under way). */
    public synchronized Optional<Seal> sealThrough(long position) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<Seal> seal = sealThrough(connection, position);
                connection.commit();
                return seal;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    public List<Seal> seals() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SealStore.all(connection);
        }
    }

    private Optional<Seal> sealThrough(Connection connection, long position) throws SQLException {
        Seal last = SealStore.latest(connection);
        long sealedUpTo = last == null ? 0 : last.position();
        if (position <= sealedUpTo) {
            return Optional.empty();
        }
        checkNewEvents(connection, sealedUpTo, position);
        MerkleRoot merkle = new MerkleRoot();
        long lastPosition = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_hash "
                + "FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index")) {
            select.setLong(1, position);
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lastPosition = rs.getLong(1);
                    merkle.add(rs.getString(2));
                }
            }
        }
        if (lastPosition <= sealedUpTo) {
            return Optional.empty();
        }
        Seal seal = new Seal(lastPosition, merkle.count(), merkle.root(),
                last == null ? EventHash.GENESIS : last.root(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        SealStore.insert(connection, seal);
        return Optional.of(seal);
    }

    private static void checkNewEvents(Connection connection, long after, long upTo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = StoredEvent.read(rs);
                    if (event.hash() == null || !event.hash().equals(event.computedHash())) {
                        throw new IllegalStateException("refusing to seal: the event at position " + event.position()
                                + " no longer matches its hash; run the verification");
                    }
                }
            }
        }
    }
}
