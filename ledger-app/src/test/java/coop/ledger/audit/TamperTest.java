package coop.ledger.audit;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampers with the stored rows directly in SQL, the way someone with write access to the database could, many
 * times at random, and shows the verifier catches every case. Each case runs in a transaction that is rolled back,
 * and the verifier reads the tampered rows on that same connection.
 */
class TamperTest extends LedgerHttpTest {

    private static final int CASES = 72;
    private static final Pattern DATE = Pattern.compile("\"(\\d{4})-(\\d{2})-(\\d{2})\"");

    @Autowired
    private DataSource dataSource;

    @Autowired
    private LedgerSealer sealer;

    private interface Tampering {
        String apply(Connection connection, Random random) throws SQLException;
    }

    @Test
    void the_verifier_catches_every_tampering_with_the_stored_rows() throws Exception {
        recordAFewHundredEvents();
        long newest = newestPosition();
        sealer.sealThrough(newest - 40);
        sealer.sealThrough(newest);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(new LedgerVerifier().verify(connection).verified()).as("the untouched ledger").isTrue();
        }

        Map<String, Tampering> kinds = new LinkedHashMap<>();
        kinds.put("change a payload byte", this::changePayloadByte);
        kinds.put("change a date in a payload", this::changeDate);
        kinds.put("change who recorded an event", this::changeRecorder);
        kinds.put("change an event's timestamp", this::changeTimestamp);
        kinds.put("change an event's type", this::changeType);
        kinds.put("delete an event", this::deleteEvent);
        kinds.put("delete the newest events", this::deleteNewest);
        kinds.put("insert a forged event with a plausible hash", this::insertForgedEvent);
        kinds.put("swap two events' payloads", this::swapPayloads);
        kinds.put("rewrite an event and re-hash its record's chain", this::rewriteAndRehash);
        kinds.put("alter a seal's root", this::alterSeal);
        kinds.put("delete the older seal", this::deleteOlderSeal);
        List<String> names = new ArrayList<>(kinds.keySet());

        Random random = new Random(20201208);
        Map<String, Integer> caughtAs = new TreeMap<>();
        int caught = 0;
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            String kind = names.get(i % names.size());
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    String what = kinds.get(kind).apply(connection, random);
                    VerificationReport report = new LedgerVerifier().verify(connection);
                    assertThat(report.verified()).as("case %d, %s: %s", i, kind, what).isFalse();
                    caught++;
                    caughtAs.merge(kind + " -> " + report.broken().problem(), 1, Integer::sum);
                } finally {
                    connection.rollback();
                }
            }
        }
        System.out.printf("Tamper test: %d cases, %d caught, in %.1f s%n", CASES, caught,
                (System.nanoTime() - started) / 1e9);
        caughtAs.forEach((k, n) -> System.out.printf("  %3d  %s%n", n, k));

        assertThat(caught).isEqualTo(CASES);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(new LedgerVerifier().verify(connection).verified()).as("after rolling back").isTrue();
        }
    }

    private void recordAFewHundredEvents() {
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parties.addAll(List.of(TestData.wanzhou(), TestData.kaizhou(), TestData.yunyang()));
        }
        register(parties.toArray(Party[]::new));
        for (int a = 0; a < 8; a++) {
            Party first = parties.get(a);
            Party second = parties.get(a + 1);
            String id = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK", List.of(first, second),
                    List.of()));
            for (int i = 0; i < 15; i++) {
                String item = "item-" + i;
                ok(api.post("/api/agreements/" + id + "/items", object("itemId", item,
                        "description", "联合事项" + i, "listedOn", "2021-01-0" + (1 + i % 9))).send());
                if (i % 2 == 0) {
                    ok(api.post("/api/agreements/" + id + "/items/" + item + "/start",
                            object("startedOn", "2021-02-1" + (i % 10))).send());
                }
                if (i % 4 == 0) {
                    ok(api.post("/api/agreements/" + id + "/items/" + item + "/complete",
                            object("completedOn", "2021-05-2" + (i % 10), "evidence", "已完成")).send());
                }
            }
            ok(api.post("/api/agreements/" + id + "/payments", object("payer", first.code(), "payee", second.code(),
                    "amount", "1100万元", "paidOn", "2021-09-30")).recordedBy("alice").send());
        }
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isBetween(200, 201);
    }

    private long newestPosition() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- the tamperings; each returns what it did ---

    private String changePayloadByte(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, null);
        byte[] payload = bytes(c, "payload", position);
        int at = random.nextInt(payload.length);
        payload[at] = (byte) (payload[at] ^ (1 + random.nextInt(255)));
        update(c, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, position);
        return "byte " + at + " of the payload at position " + position;
    }

    private String changeDate(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, "%CooperationItemListedEvent");
        String payload = new String(bytes(c, "payload", position), StandardCharsets.UTF_8);
        Matcher date = DATE.matcher(payload);
        List<int[]> found = new ArrayList<>();
        while (date.find()) {
            found.add(new int[]{date.start(3), date.end(3)});
        }
        String changed = payload;
        if (!found.isEmpty()) {
            int[] day = found.get(random.nextInt(found.size()));
            String old = payload.substring(day[0], day[1]);
            String replacement = old.equals("01") ? "02" : "01";
            changed = payload.substring(0, day[0]) + replacement + payload.substring(day[1]);
        } else {
            changed = payload.replaceFirst("\\d", "9");
        }
        update(c, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                changed.getBytes(StandardCharsets.UTF_8), position);
        return "a date of the payload at position " + position;
    }

    private String changeRecorder(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, null);
        String meta = new String(bytes(c, "meta_data", position), StandardCharsets.UTF_8);
        String forged = meta.replaceFirst("\"recordedBy\":\"[^\"]*\"", "\"recordedBy\":\"someone-else\"");
        assertThat(forged).isNotEqualTo(meta);
        update(c, "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                forged.getBytes(StandardCharsets.UTF_8), position);
        return "recordedBy of the event at position " + position;
    }

    private String changeTimestamp(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, null);
        String timestamp = string(c, "time_stamp", position);
        String earlier = java.time.Instant.parse(timestamp).minusSeconds(1 + random.nextInt(86_400 * 30)).toString();
        update(c, "UPDATE domain_event_entry SET time_stamp = ? WHERE global_index = ?", earlier, position);
        return "timestamp " + timestamp + " -> " + earlier + " at position " + position;
    }

    private String changeType(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, "%CooperationItemStartedEvent");
        update(c, "UPDATE domain_event_entry SET payload_type = ? WHERE global_index = ?",
                "coop.ledger.agreement.api.CooperationItemCompletedEvent", position);
        return "type of the event at position " + position;
    }

    private String deleteEvent(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, null);
        update(c, "DELETE FROM domain_event_entry WHERE global_index = ?", position);
        return "deleted position " + position;
    }

    private String deleteNewest(Connection c, Random random) throws SQLException {
        int count = 1 + random.nextInt(5);
        long newest = newestPosition(c);
        update(c, "DELETE FROM domain_event_entry WHERE global_index > ?", newest - count);
        return "deleted the newest " + count + " events";
    }

    /** A next event of an existing record, linked to its real head, with a well-formed but guessed hash. */
    private String insertForgedEvent(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, "%PaymentRecordedEvent");
        String aggregate = string(c, "aggregate_identifier", position);
        long headPosition;
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(global_index) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?")) {
            s.setString(1, aggregate);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                headPosition = rs.getLong(1);
            }
        }
        byte[] randomHash = new byte[32];
        random.nextBytes(randomHash);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data, event_hash, previous_hash) SELECT ?, ?, "
                + "aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, payload_revision, "
                + "payload, meta_data, ?, event_hash FROM domain_event_entry WHERE global_index = ?")) {
            insert.setLong(1, newestPosition(c) + 1);
            insert.setString(2, java.util.UUID.randomUUID().toString());
            insert.setString(3, HexFormat.of().formatHex(randomHash));
            insert.setLong(4, headPosition);
            insert.executeUpdate();
        }
        return "a forged copy of the payment at position " + headPosition + " appended to " + aggregate;
    }

    private String swapPayloads(Connection c, Random random) throws SQLException {
        long first = randomPosition(c, random, "%CooperationItemListedEvent");
        long second;
        do {
            second = randomPosition(c, random, "%CooperationItemListedEvent");
        } while (second == first);
        byte[] a = bytes(c, "payload", first);
        byte[] b = bytes(c, "payload", second);
        update(c, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", b, first);
        update(c, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", a, second);
        return "swapped the payloads at positions " + first + " and " + second;
    }

    /**
     * Someone who knows the hash algorithm changes an event and recomputes its hash and every later link of its
     * record: the chains are consistent again, but the seals are not.
     */
    private String rewriteAndRehash(Connection c, Random random) throws SQLException {
        long position = randomPosition(c, random, "%PaymentRecordedEvent");
        String payload = new String(bytes(c, "payload", position), StandardCharsets.UTF_8);
        // other test classes share this store, so change whatever amount the payment has
        String forged = payload.replaceFirst("\"amount\":\"", "\"amount\":\"9");
        assertThat(forged).isNotEqualTo(payload);
        update(c, "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                forged.getBytes(StandardCharsets.UTF_8), position);
        String aggregate = string(c, "aggregate_identifier", position);
        String previous = null;
        try (PreparedStatement s = c.prepareStatement("SELECT global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, "
                + "previous_hash FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            s.setString(1, aggregate);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String link = previous == null ? rs.getString(11) : previous;
                    String hash = EventHash.of(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10), link);
                    update(c, "UPDATE domain_event_entry SET event_hash = ?, previous_hash = ? WHERE global_index = ?",
                            hash, link, rs.getLong(1));
                    previous = hash;
                }
            }
        }
        return "the date of the payment at position " + position + ", with its record's chain re-hashed";
    }

    private String alterSeal(Connection c, Random random) throws SQLException {
        byte[] root = new byte[32];
        random.nextBytes(root);
        boolean first = random.nextBoolean();
        update(c, "UPDATE ledger_seal SET root = ? WHERE up_to_position = (SELECT " + (first ? "MIN" : "MAX")
                + "(up_to_position) FROM ledger_seal)", HexFormat.of().formatHex(root));
        return "the root of the " + (first ? "first" : "newest") + " seal";
    }

    private String deleteOlderSeal(Connection c, Random random) throws SQLException {
        update(c, "DELETE FROM ledger_seal WHERE up_to_position < (SELECT MAX(up_to_position) FROM ledger_seal)");
        return "deleted every seal but the newest";
    }

    // --- helpers ---

    private static long randomPosition(Connection c, Random random, String payloadTypeLike) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT global_index FROM domain_event_entry"
                + (payloadTypeLike == null ? "" : " WHERE payload_type LIKE ?") + " ORDER BY global_index")) {
            if (payloadTypeLike != null) {
                s.setString(1, payloadTypeLike);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                }
            }
        }
        assertThat(positions).as("events of type %s", payloadTypeLike).isNotEmpty();
        return positions.get(random.nextInt(positions.size()));
    }

    private static long newestPosition(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] bytes(Connection c, String column, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM domain_event_entry "
                + "WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static String string(Connection c, String column, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM domain_event_entry "
                + "WHERE global_index = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }
}
