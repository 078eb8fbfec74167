package coop.ledger.app;

import coop.ledger.agreement.command.Agreement;
import coop.ledger.party.command.Party;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records are snapshotted every 100 events ({@code ledger.snapshots.every}). A record loaded from its snapshot and
 * the events after it decides exactly as one folded from its whole history: the rules that look back (a rename
 * before the previous one, a payment id used before, a correction citing an early event) still hold.
 */
class SnapshotTest extends LedgerHttpTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStorageEngine storage;

    @Test
    void a_party_loaded_from_its_snapshot_keeps_deciding_on_its_whole_history() throws InterruptedException {
        TestData.Party party = TestData.wanzhou();
        register(party);
        String path = "/api/parties/" + party.code() + "/name";
        LocalDate day = LocalDate.of(2001, 1, 1);
        for (int i = 1; i <= 120; i++) {
            Reply renamed = api.put(path, object("nameZh", "万州区" + i, "effectiveOn", day.plusDays(i).toString()))
                    .send();
            assertThat(renamed.status()).as("rename %d: %s", i, renamed).isEqualTo(200);
        }
        assertThat(snapshotSequence(party.code())).as("snapshot of %s", party.code()).isGreaterThanOrEqualTo(99);
        assertRoundTrip(party.code(), Party.class);

        // the previous rename (day + 120) and the current name come from the snapshot and the events after it
        Reply early = api.put(path, object("nameZh", "万州区X", "effectiveOn", day.plusDays(119).toString())).send();
        assertThat(early.rule()).as("%s", early).isEqualTo("party.rename-before-previous");
        Reply same = api.put(path, object("nameZh", "万州区120", "effectiveOn", day.plusDays(130).toString())).send();
        assertThat(same.rule()).as("%s", same).isEqualTo("party.name-unchanged");
        Reply next = api.put(path, object("nameZh", "万州区121", "effectiveOn", day.plusDays(130).toString())).send();
        assertThat(next.status()).as("%s", next).isEqualTo(200);
        assertThat(next.version()).isEqualTo(122);
        Reply read = api.get("/api/parties/" + party.code()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text()).contains("\"万州区121\"");
    }

    @Test
    void an_agreement_loaded_from_its_snapshot_keeps_its_payments_and_past_events() throws InterruptedException {
        TestData.Party kaizhou = TestData.kaizhou();
        TestData.Party yunyang = TestData.yunyang();
        register(kaizhou, yunyang);
        String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "FRAMEWORK",
                List.of(kaizhou, yunyang), List.of()));
        String path = "/api/agreements/" + id;
        for (int i = 1; i <= 110; i++) {
            Reply paid = api.post(path + "/payments", object("paymentId", "pay-" + i, "payer", kaizhou.code(),
                    "payee", yunyang.code(), "amount", i + "元", "paidOn", "2021-09-01")).send();
            assertThat(paid.status()).as("payment %d: %s", i, paid).isEqualTo(201);
        }
        assertThat(snapshotSequence(id)).as("snapshot of %s", id).isGreaterThanOrEqualTo(99);
        assertRoundTrip(id, Agreement.class);

        Reply again = api.post(path + "/payments", object("paymentId", "pay-3", "payer", kaizhou.code(),
                "payee", yunyang.code(), "amount", "3元", "paidOn", "2021-09-01")).send();
        assertThat(again.status()).as("a payment id used before the snapshot: %s", again).isBetween(400, 499);
        // pay-2 was recorded at sequence 2 (sequence 0 is the signing), long before the snapshot
        Reply corrected = api.post(path + "/payments/pay-2/corrections",
                object("correctsSequence", 2, "amount", "200元", "reason", "金额录入错误")).send();
        assertThat(corrected.status()).as("%s", corrected).isIn(200, 201);
        assertThat(corrected.version()).isEqualTo(112);
        // 1 + 2 + ... + 110 = 6105, with pay-2 corrected from 2 to 200
        assertThat(agreement(id).json().path("paymentsTotal").path("yuan").asString()).isEqualTo("6303");
    }

    /** The newest snapshot's sequence number, waiting up to 30 s for the snapshotter's thread to store one. */
    private Long snapshotSequence(String aggregateId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Long sequence = storedSnapshotSequence(aggregateId);
        while (sequence == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            sequence = storedSnapshotSequence(aggregateId);
        }
        return sequence;
    }

    private Long storedSnapshotSequence(String aggregateId) {
        return jdbc.queryForObject("SELECT MAX(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** Without collections' class names, and with lists of plain strings sorted (a set may come back reordered). */
    private static String withoutCollectionTypes(String json) {
        String untyped = json.replaceAll("\\[\"java\\.util\\.[A-Za-z0-9$]+(<[^>]*>)?\",", "[");
        return java.util.regex.Pattern.compile("\\[(\"[^\"\\[\\]{}]*\"(,\"[^\"\\[\\]{}]*\")*)]").matcher(untyped)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        "[" + String.join(",", new java.util.TreeSet<>(List.of(m.group(1).split(",")))) + "]"));
    }

    /** The stored snapshot reads back into the aggregate, and that aggregate writes back the very same JSON. */
    private void assertRoundTrip(String aggregateId, Class<?> type) {
        DomainEventMessage<?> snapshot = storage.readSnapshot(aggregateId).orElseThrow();
        assertThat(snapshot.getPayload()).isInstanceOf(type);
        Serializer serializer = AxonConfig.snapshotSerializer();
        String stored = jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", (rs, n) -> new String(rs.getBytes(1),
                java.nio.charset.StandardCharsets.UTF_8), aggregateId);
        String again = new String(serializer.serialize(snapshot.getPayload(), byte[].class).getData(),
                java.nio.charset.StandardCharsets.UTF_8);
        // an immutable list may come back as an ArrayList: compare the content, not the collections' class names
        assertThat(withoutCollectionTypes(again)).isEqualTo(withoutCollectionTypes(stored));
        assertThat(stored).contains(aggregateId);
    }
}
