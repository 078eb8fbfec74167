package coop.ledger.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 random tamperings of a small sealed ledger (update, delete, insert, reorder, re-hash, re-seal; without
 * the key, with the attacker's own key, and with the stolen key), each in a transaction that is rolled back. Every
 * one must be caught, by the verification with the trusted key or by the check of the seal an auditor kept.
 * Prints the counts by kind and by what caught them.
 */
class RandomTamperingTest {

    private static final int CASES = 1_000;
    private static final List<String> RECORDS = List.of("kaizhou", "wanzhou", "yunyang", "fuling", "liangping");

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private Seal kept;
    private long newest;

    private interface Tampering {
        void apply(Connection c, Random random) throws SQLException;
    }

    @Test
    void every_random_tampering_is_caught_by_the_verification_or_the_kept_seal() throws Exception {
        ledger = new SealedLedger(dir);
        for (int i = 0; i < 60; i++) {
            ledger.record(RECORDS.get(i % RECORDS.size()), "event " + i + " 金额" + i + "万元");
        }
        ledger.sealer().sealThrough(25);
        ledger.sealer().sealThrough(45);
        newest = ledger.newestPosition();
        ledger.sealer().sealThrough(newest);
        List<Seal> seals = ledger.sealer().seals();
        kept = seals.get(seals.size() - 1); // the auditor kept the newest seal
        LedgerProofs proofs = ledger.proofs();

        Map<String, Tampering> kinds = new LinkedHashMap<>();
        kinds.put("update a payload byte", (c, r) -> updatePayload(c, r, false));
        kinds.put("update the timestamp", this::updateTimestamp);
        kinds.put("delete an event", (c, r) -> delete(c, position(r), null));
        kinds.put("insert a forged event", this::insert);
        kinds.put("reorder two events", this::reorder);
        kinds.put("re-hash a rewritten record", (c, r) -> updatePayload(c, r, true));
        kinds.put("re-seal keeping the old signatures", (c, r) -> rewriteAndReseal(c, r, null));
        kinds.put("re-seal with the attacker's own key", (c, r) -> rewriteAndReseal(c, r, SealSigner.ephemeral()));
        kinds.put("re-seal with the stolen key", (c, r) -> rewriteAndReseal(c, r, ledger.key));
        kinds.put("delete and re-seal with the stolen key", (c, r) -> delete(c, position(r), ledger.key));
        kinds.put("delete a seal", this::deleteSeal);
        kinds.put("alter a seal's root", this::alterSeal);
        List<String> names = new ArrayList<>(kinds.keySet());

        Random random = new Random(15);
        Map<String, Integer> caughtBy = new TreeMap<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        int caught = 0;
        long started = System.nanoTime();
        try (Connection c = ledger.dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < CASES; i++) {
                String kind = names.get(random.nextInt(names.size()));
                try {
                    kinds.get(kind).apply(c, random);
                    VerificationReport report = new LedgerVerifier(ledger.trusted).verify(c);
                    String by;
                    if (!report.verified()) {
                        by = "verification: " + report.broken().problem();
                    } else {
                        ProofViews.KeptSealCheck check = proofs.checkKept(c, kept, report);
                        by = check.extended() ? null : "kept seal: " + check.problems().get(0).problem();
                    }
                    assertThat(by).as("case %d, %s went unnoticed", i, kind).isNotNull();
                    caught++;
                    perKind.merge(kind, 1, Integer::sum);
                    caughtBy.merge(by, 1, Integer::sum);
                } finally {
                    c.rollback();
                }
            }
        }
        System.out.printf("Random tamperings: %d cases, %d caught, in %.1f s%n", CASES, caught,
                (System.nanoTime() - started) / 1e9);
        perKind.forEach((k, n) -> System.out.printf("  %4d  %s%n", n, k));
        System.out.println("  caught by:");
        caughtBy.forEach((k, n) -> System.out.printf("  %4d  %s%n", n, k));

        assertThat(caught).isEqualTo(CASES);
        assertThat(perKind).hasSize(kinds.size());
        try (Connection c = ledger.dataSource.getConnection()) {
            assertThat(new LedgerVerifier(ledger.trusted).verify(c).verified()).as("after rolling back").isTrue();
            assertThat(proofs.checkKept(c, kept, null).extended()).isTrue();
        }
    }

    private long position(Random random) {
        return 1 + random.nextInt((int) newest);
    }

    private void updatePayload(Connection c, Random random, boolean rehash) throws SQLException {
        long position = position(random);
        byte[] payload = select(c, "payload", position);
        // change one character of the note (never the JSON structure, so the payload stays plausible)
        int at = payload.length - 3 - random.nextInt(5);
        payload[at] = (byte) (payload[at] == 'x' ? 'y' : 'x');
        if (rehash) {
            SealedLedger.rewriteAndRehash(c, position, payload);
        } else {
            try (PreparedStatement u = c.prepareStatement("UPDATE domain_event_entry SET payload = ? "
                    + "WHERE global_index = ?")) {
                u.setBytes(1, payload);
                u.setLong(2, position);
                u.executeUpdate();
            }
        }
    }

    private void updateTimestamp(Connection c, Random random) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE domain_event_entry SET time_stamp = ? "
                + "WHERE global_index = ?")) {
            u.setString(1, "2026-01-0" + (1 + random.nextInt(9)) + "T12:00:00Z");
            u.setLong(2, position(random));
            u.executeUpdate();
        }
    }

    private void delete(Connection c, long position, SealSigner resealWith) throws SQLException {
        String record = new String(select(c, "aggregate_identifier", position), StandardCharsets.UTF_8);
        long sequence = Long.parseLong(new String(select(c, "sequence_number", position), StandardCharsets.UTF_8));
        try (PreparedStatement d = c.prepareStatement("DELETE FROM domain_event_entry WHERE global_index = ?")) {
            d.setLong(1, position);
            d.executeUpdate();
        }
        if (resealWith != null) {
            // the thorough insider: renumber the record's later events and re-hash its chain, then re-seal
            try (PreparedStatement u = c.prepareStatement("UPDATE domain_event_entry SET sequence_number = "
                    + "sequence_number - 1 WHERE aggregate_identifier = ? AND sequence_number > ?")) {
                u.setString(1, record);
                u.setLong(2, sequence);
                u.executeUpdate();
            }
            SealedLedger.rehashFrom(c, record, sequence);
            SealedLedger.resealAll(c, resealWith);
        }
    }

    private void insert(Connection c, Random random) throws SQLException {
        // a forged event with a plausible hash, slipped in before the sealed events (an event appended after them
        // is simply a new event: no seal speaks about it yet): a new record's first event, or the next event of an
        // existing record linked to its newest hash
        long source = position(random);
        try (PreparedStatement s = c.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry WHERE global_index = ?")) {
            s.setLong(1, source);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                StoredEvent e = StoredEvent.read(rs);
                String id = "forged-" + random.nextInt(1_000_000);
                boolean newRecord = random.nextBoolean();
                String record = newRecord ? id : e.aggregateId();
                long sequence = newRecord ? 0 : 1_000;
                String previous = newRecord ? EventHash.GENESIS : e.hash();
                String hash = EventHash.of(id, record, sequence, e.aggregateType(), e.timestamp(),
                        e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), previous);
                try (PreparedStatement i = c.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                        + "aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, "
                        + "payload_revision, payload_type, time_stamp, event_hash, previous_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    i.setLong(1, -random.nextInt(5));
                    i.setString(2, record);
                    i.setLong(3, sequence);
                    i.setString(4, e.aggregateType());
                    i.setString(5, id);
                    i.setBytes(6, e.metaData());
                    i.setBytes(7, e.payload());
                    i.setString(8, e.payloadRevision());
                    i.setString(9, e.payloadType());
                    i.setString(10, e.timestamp());
                    i.setString(11, hash);
                    i.setString(12, previous);
                    i.executeUpdate();
                }
            }
        }
    }

    private void reorder(Connection c, Random random) throws SQLException {
        long a = position(random);
        long b = a;
        while (b == a) {
            b = position(random);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + a);
            s.executeUpdate("UPDATE domain_event_entry SET global_index = " + a + " WHERE global_index = " + b);
            s.executeUpdate("UPDATE domain_event_entry SET global_index = " + b + " WHERE global_index = -1");
        }
    }

    private void rewriteAndReseal(Connection c, Random random, SealSigner signer) throws SQLException {
        updatePayload(c, random, true);
        SealedLedger.resealAll(c, signer);
    }

    private void deleteSeal(Connection c, Random random) throws SQLException {
        List<Seal> seals = SealStore.all(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM ledger_seal WHERE up_to_position = "
                    + seals.get(random.nextInt(seals.size())).position());
        }
    }

    private void alterSeal(Connection c, Random random) throws SQLException {
        List<Seal> seals = SealStore.all(c);
        Seal seal = seals.get(random.nextInt(seals.size()));
        int digit = Character.digit(seal.root().charAt(0), 16);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE ledger_seal SET root = '" + Integer.toHexString((digit + 1 + random.nextInt(15)) % 16)
                    + "' || SUBSTRING(root, 2) WHERE up_to_position = " + seal.position());
        }
    }

    private static byte[] select(Connection c, String column, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM domain_event_entry "
                + "WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Object value = rs.getObject(1);
                return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
