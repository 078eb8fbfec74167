package coop.ledger.audit;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * A small ledger in an H2 file of its own (no application): events written as the append writes them (hashed and
 * chained), sealed and signed by the real sealer with the ledger's key, proven by the real {@link LedgerProofs}.
 * What the insider tests attack. Also the attacker's tools: re-hash a record's chain, recompute every seal.
 */
final class SealedLedger {

    final DataSource dataSource;
    final SealSigner key = SealSigner.ephemeral();
    final SealKeys trusted = SealKeys.of(key.publicKey());
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> heads = new HashMap<>();
    private int written;

    SealedLedger(Path dir) {
        // DB_CLOSE_DELAY: H2 would otherwise close and reopen the file for every connection
        dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir.toAbsolutePath() + "/ledger;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                "classpath:db/migration/h2").javaMigrations(new HashRecordedEventsMigration()).load().migrate();
    }

    LedgerSealer sealer() {
        return sealer(key, new TreeNodes(dataSource));
    }

    LedgerSealer sealer(SealSigner signer, TreeNodes nodes) {
        return new LedgerSealer(dataSource, Clock.fixed(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(written),
                ZoneOffset.UTC), Duration.ZERO, signer, nodes, "test-ledger", LongUnaryOperator.identity());
    }

    /** Proofs as a freshly started node makes them (it reads the stored nodes, or builds them). */
    LedgerProofs proofs() {
        return new LedgerProofs(dataSource, new TreeNodes(dataSource), trusted);
    }

    /** Records one event of {@code record} with a payload naming {@code text}. */
    long record(String record, String text) throws SQLException {
        long sequence = sequences.merge(record, 1L, Long::sum) - 1;
        String previous = heads.getOrDefault(record, EventHash.GENESIS);
        String timestamp = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(written++).toString();
        byte[] payload = ("{\"record\":\"" + record + "\",\"note\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        String hash;
        try (Connection connection = dataSource.getConnection()) {
            hash = insertEvent(connection, record, sequence, timestamp, payload, previous);
        }
        heads.put(record, hash);
        return newestPosition();
    }

    /**
     * Writes one party event of {@code record} at {@code sequence} straight into the event table, hashed and chained
     * to {@code previous} as the append would write it, and returns its hash: a ledger's history without the
     * application, or an insider's forged event.
     */
    static String insertEvent(Connection connection, String record, long sequence, String timestamp, byte[] payload,
                              String previous) throws SQLException {
        byte[] meta = "{\"recordedBy\":\"fgw\"}".getBytes(StandardCharsets.UTF_8);
        String id = record + "-" + sequence;
        String type = "coop.ledger.party.api.PartyRegisteredEvent";
        String hash = EventHash.of(id, record, sequence, "Party", timestamp, type, null, payload, meta, previous);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, "
                + "payload_revision, payload_type, time_stamp, event_hash, previous_hash) "
                + "VALUES (?, ?, 'Party', ?, ?, ?, NULL, ?, ?, ?, ?)")) {
            insert.setString(1, record);
            insert.setLong(2, sequence);
            insert.setString(3, id);
            insert.setBytes(4, meta);
            insert.setBytes(5, payload);
            insert.setString(6, type);
            insert.setString(7, timestamp);
            insert.setString(8, hash);
            insert.setString(9, previous);
            insert.executeUpdate();
        }
        return hash;
    }

    long newestPosition() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return newestPosition(connection);
        }
    }

    static long newestPosition(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- the attacker's tools (plain SQL and the published algorithms, on the attacker's connection) ---

    /** Replaces the payload of the event at {@code position} and re-hashes its record's chain from there on. */
    static void rewriteAndRehash(Connection c, long position, byte[] payload) throws SQLException {
        String record;
        long sequence;
        try (PreparedStatement s = c.prepareStatement("SELECT aggregate_identifier, sequence_number "
                + "FROM domain_event_entry WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                record = rs.getString(1);
                sequence = rs.getLong(2);
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE domain_event_entry SET payload = ? "
                + "WHERE global_index = ?")) {
            u.setBytes(1, payload);
            u.setLong(2, position);
            u.executeUpdate();
        }
        rehashFrom(c, record, sequence);
    }

    /** Recomputes the hashes and links of {@code record}'s events from {@code sequence} on. */
    static void rehashFrom(Connection c, String record, long sequence) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            s.setString(1, record);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(StoredEvent.read(rs));
                }
            }
        }
        String previous = EventHash.GENESIS;
        for (StoredEvent e : events) {
            if (e.sequence() >= sequence) {
                String hash = new StoredEvent(e.position(), e.eventId(), e.aggregateId(), e.sequence(),
                        e.aggregateType(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(),
                        e.metaData(), null, previous).computedHash();
                try (PreparedStatement u = c.prepareStatement("UPDATE domain_event_entry SET event_hash = ?, "
                        + "previous_hash = ? WHERE global_index = ?")) {
                    u.setString(1, hash);
                    u.setString(2, previous);
                    u.setLong(3, e.position());
                    u.executeUpdate();
                }
                previous = hash;
            } else {
                previous = e.hash();
            }
        }
    }

    /**
     * Recomputes every seal over the events as they now are (same positions and times, unless they now hold fewer
     * events), signed with {@code signer} (the stolen key, or the attacker's own), or keeping the old signature
     * when {@code signer} is null; drops the interior nodes so that a node restarted afterwards rebuilds them.
     */
    static void resealAll(Connection c, SealSigner signer) throws SQLException {
        List<Seal> seals = SealStore.all(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ledger_seal");
            s.executeUpdate("DELETE FROM ledger_tree_node");
        }
        MerkleRoot merkle = new MerkleRoot();
        String previousRoot = EventHash.GENESIS;
        long newest = newestPosition(c);
        try (PreparedStatement select = c.prepareStatement("SELECT global_index, event_hash FROM domain_event_entry "
                + "ORDER BY global_index"); ResultSet rs = select.executeQuery()) {
            boolean more = rs.next();
            for (Seal old : seals) {
                long upTo = Math.min(old.position(), newest);
                long last = -1;
                while (more && rs.getLong(1) <= upTo) {
                    merkle.add(rs.getString(2));
                    last = rs.getLong(1);
                    more = rs.next();
                }
                if (last < 0) {
                    continue;
                }
                Seal forged = new Seal(last, merkle.count(), merkle.root(), previousRoot, old.sealedAt(),
                        old.ledgerId(), old.keyId(), old.signature());
                if (signer != null) {
                    forged = forged.signedWith(old.ledgerId(), signer);
                }
                SealStore.insert(c, forged);
                previousRoot = forged.root();
            }
        }
    }
}
