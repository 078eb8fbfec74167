package coop.ledger.audit;

import org.axonframework.common.DateTimeUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongUnaryOperator;

/**
 * Seals what has been recorded so far: the Merkle root over all event hashes in global-position order up to the
 * newest settled position, chained to the previous seal. Only events recorded at least {@code settle} ago are
 * sealed, so a write still committing with a lower position than a committed one cannot land inside a sealed range
 * afterwards (positions are taken at insert, not at commit); on PostgreSQL the seal also stops at the event store's
 * settled horizon, below which no running transaction holds a position, however long it runs. Before sealing, the
 * events new since the last seal are checked against their hashes: a seal never covers content that no longer
 * matches its hash. Every seal is signed ({@link SealSigner}); the root comes from the kept interior nodes
 * ({@link TreeNodes}) and the newest events, so sealing does not rehash the whole history. On PostgreSQL, where several nodes share the store and
 * each may seal, the seal table is locked for the sealing transaction so that two nodes never chain two seals to
 * the same predecessor.
 */
class LedgerSealer {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration settle;
    private final SealSigner signer;
    private final TreeNodes nodes;
    private final String configuredLedgerId;
    private final LongUnaryOperator settled;

    /** A sealer with a key of its own that lives in memory only (tests). */
    public LedgerSealer(DataSource dataSource, Clock clock, Duration settle) {
        this(dataSource, clock, settle, SealSigner.ephemeral(), new TreeNodes(dataSource), null,
                LongUnaryOperator.identity());
    }

    /**
     * @param ledgerId the id new seals carry when no seal names one yet (blank: a new random id); once a signed
     *                 seal exists, its ledger id is kept, as seals are facts
     * @param settled the highest position up to a given one whose events can no longer change: on PostgreSQL,
     *                where appends run concurrently, a transaction may still commit an event below a committed one
     *                (the event store's settled horizon, see docs/cluster-appends.md)
     */
    LedgerSealer(DataSource dataSource, Clock clock, Duration settle, SealSigner signer, TreeNodes nodes,
                 String ledgerId, LongUnaryOperator settled) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settle = settle;
        this.signer = signer;
        this.nodes = nodes;
        this.configuredLedgerId = ledgerId == null || ledgerId.isBlank() ? null : ledgerId;
        this.settled = settled;
    }

    SealSigner signer() {
        return signer;
    }

    TreeNodes nodes() {
        return nodes;
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
                return rs.wasNull() ? Optional.empty() : sealThrough(settled.applyAsLong(position));
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
        lockSeals(connection);
        Seal last = SealStore.latest(connection);
        long sealedUpTo = last == null ? 0 : last.position();
        if (position <= sealedUpTo) {
            return Optional.empty();
        }
        checkNewEvents(connection, sealedUpTo, position);
        long lastPosition;
        long count;
        // count only the new events: a wrong earlier count would give a root the verification reports anyway
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), MAX(global_index) "
                + "FROM domain_event_entry WHERE global_index > ? AND global_index <= ?")) {
            select.setLong(1, last == null ? Long.MIN_VALUE : sealedUpTo);
            select.setLong(2, position);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                count = (last == null ? 0 : last.events()) + rs.getLong(1);
                lastPosition = rs.getLong(1) == 0 ? sealedUpTo : rs.getLong(2);
            }
        }
        if (count == 0 || lastPosition <= sealedUpTo) {
            return Optional.empty();
        }
        nodes.cover(count, lastPosition);
        String root = HexFormat.of().formatHex(MerkleTree.hash(nodes.proving(connection, count), 0, count));
        Seal seal = new Seal(lastPosition, count, root, last == null ? EventHash.GENESIS : last.root(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)).signedWith(ledgerId(last), signer);
        SealStore.insert(connection, seal);
        return Optional.of(seal);
    }

    private String ledgerId(Seal last) {
        if (last != null && last.ledgerId() != null) {
            return last.ledgerId();
        }
        return configuredLedgerId != null ? configuredLedgerId : "ledger-" + UUID.randomUUID();
    }

    private static void lockSeals(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE ledger_seal IN SHARE ROW EXCLUSIVE MODE");
            }
        }
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
