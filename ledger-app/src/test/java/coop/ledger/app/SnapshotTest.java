package coop.ledger.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.command.Agreement;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.party.command.Party;
import coop.ledger.programme.command.Programme;
import coop.ledger.project.command.Project;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records are snapshotted every 100 events ({@code ledger.snapshots.every}). A record loaded from its snapshot and
 * the events after it decides exactly as one folded from its whole history: the rules that look back (a rename
 * before the previous one, a payment id used before, a correction citing an early event) still hold. The detail
 * reads of agreements, projects and programmes start from the snapshot too and answer byte for byte as the fold of
 * every event. Snapshots are plain JSON of their aggregate's revision; one of another revision (the shape before
 * revision 2 held the record's whole history, with class names) is never read.
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
        record(110, i -> api.post(path + "/payments", payment(kaizhou, yunyang, "pay-" + i, i + "元")).send());
        assertThat(snapshotSequence(id)).as("snapshot of %s", id).isGreaterThanOrEqualTo(99);
        assertRoundTrip(id, Agreement.class);

        Reply again = api.post(path + "/payments", payment(kaizhou, yunyang, "pay-3", "3元")).send();
        assertThat(again.status()).as("a payment id used before the snapshot: %s", again).isBetween(400, 499);
        // pay-2 was recorded at sequence 2 (sequence 0 is the signing), long before the snapshot
        Reply corrected = api.post(path + "/payments/pay-2/corrections",
                object("correctsSequence", 2, "amount", "200元", "reason", "金额录入错误")).send();
        assertThat(corrected.status()).as("%s", corrected).isIn(200, 201);
        assertThat(corrected.version()).isEqualTo(112);
        // 1 + 2 + ... + 110 = 6105, with pay-2 corrected from 2 to 200
        assertThat(agreement(id).json().path("paymentsTotal").path("yuan").asString()).isEqualTo("6303");
        // a named citation of an event the snapshot folded in: refused with the type of the event it names
        Reply wrong = api.post(path + "/payments/pay-2/corrections",
                object("correctsSequence", 5, "amount", "300元", "reason", "金额录入错误")).send();
        assertThat(wrong.rule()).as("%s", wrong).isEqualTo("correction.cites-wrong-event");
        assertThat(wrong.json().path("detail").asString())
                .isEqualTo("event 5 of this record is not an event that recorded payment pay-2");
        assertThat(wrong.json().path("values").path("citedEventType").asString()).as("%s", wrong)
                .isEqualTo("PaymentRecordedEvent");
        assertThat(wrong.json().path("values").path("correctsSequence").asLong()).isEqualTo(5);
    }

    @Test
    void an_agreement_read_from_its_snapshot_reads_exactly_as_the_fold_of_all_its_events()
            throws InterruptedException {
        TestData.Party kaizhou = TestData.kaizhou();
        TestData.Party yunyang = TestData.yunyang();
        TestData.Party wanzhou = TestData.wanzhou();
        TestData.Party dazhou = TestData.dazhou();
        register(kaizhou, yunyang, wanzhou, dazhou);
        String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "FRAMEWORK",
                List.of(kaizhou, yunyang), List.of(wanzhou)));
        String path = "/api/agreements/" + id;
        List<Reply> writes = new ArrayList<>();
        writes.add(api.post(path + "/participants", object("partyCode", dazhou.code(), "role", "OBSERVER",
                "joinedOn", "2021-01-04")).send());
        writes.add(api.post(path + "/participants/" + wanzhou.code() + "/promotion",
                object("promotedOn", "2021-02-01")).send());
        for (String item : List.of("item-a", "item-b", "item-c")) {
            writes.add(api.post(path + "/items", object("itemId", item, "description", "联合治理 " + item,
                    "domain", "ECOLOGY", "responsibleParties", List.of(kaizhou.code()), "dueOn", "2022-12-31",
                    "listedOn", "2021-03-01", "itemCount", 2)).send());
        }
        writes.add(api.post(path + "/items/item-a/start", object("startedOn", "2021-04-01")).send());
        writes.add(api.post(path + "/items/item-a/complete", object("completedOn", "2021-06-01",
                "evidence", "验收报告")).send());
        writes.add(api.post(path + "/items/item-b/drop", object("droppedOn", "2021-06-02", "reason", "并入A")).send());
        writes.add(api.post(path + "/amendments", object("amendedOn", "2021-07-01", "title", "流域生态补偿协议（修订）",
                "domains", List.of("ECOLOGY", "交通"), "description", "扩大范围", "reason", "年度评估")).send());
        writes.add(api.post(path + "/signing/corrections", object("place", "开州", "reason", "以协议文本为准")).send());
        writes.forEach(reply -> assertThat(reply.status()).as("%s", reply).isBetween(200, 201));
        record(95, i -> i % 10 == 0
                ? api.post(path + "/payments/pay-" + (i - 1) + "/corrections",
                        object("amount", (i * 100 + 1) + "元", "reason", "金额录入错误")).send()
                : api.post(path + "/payments", payment(kaizhou, yunyang, "pay-" + i, i * 100 + ".50元")).send());
        assertThat(snapshotSequence(id)).as("snapshot of %s", id).isGreaterThanOrEqualTo(99);
        // a few events after the snapshot, so the read folds some
        api.post(path + "/payments", payment(kaizhou, yunyang, "pay-after", "7元")).send();
        api.post(path + "/items", object("itemId", "item-d", "description", "新增事项", "listedOn", "2021-08-01"))
                .send();
        api.post(path + "/payments/pay-1/corrections", object("paidOn", "2021-09-02", "reason", "以回单为准"))
                .send();

        assertReadFromSnapshotAsFromEvents(path, id);
    }

    @Test
    void a_project_and_a_programme_read_from_their_snapshots_read_exactly_as_the_folds_of_all_their_events()
            throws InterruptedException {
        TestData.Party hongyan = TestData.saicHongyan();
        TestData.Party wanzhou = TestData.wanzhou();
        TestData.Party kaizhou = TestData.kaizhou();
        register(hongyan, wanzhou, kaizhou);
        Reply signed = api.post("/api/projects", TestData.projectSigning(List.of(hongyan), List.of(wanzhou))).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(201);
        String project = "/api/projects/" + signed.id();
        assertThat(api.post(project + "/start", object("startedOn", "2021-06-18")).send().status()).isEqualTo(200);
        record(103, i -> i % 7 == 0
                ? api.post(project + "/investments/q-" + (i - 1) + "/corrections",
                        object("amount", i + "万元", "reason", "统计口径更正")).send()
                : api.post(project + "/investments", object("reportId", "q-" + i, "amount", i + "0万元",
                        "reportedOn", "2021-09-30")).send());
        assertThat(snapshotSequence(signed.id())).isGreaterThanOrEqualTo(99);
        api.post(project + "/corrections", object("projectCount", 6, "reason", "以通稿为准")).send();

        ObjectNode declaration = object("id", TestData.unique("programme"), "name", "万开云同城化便捷服务事项",
                "period", "2021", "declaredOn", "2021-03-01", "categories", List.of("政务服务", "医保"));
        declaration.set("participants", TestData.codes(List.of(wanzhou, kaizhou)));
        Reply declared = api.post("/api/programmes", declaration).send();
        assertThat(declared.status()).as("%s", declared).isEqualTo(201);
        String programme = "/api/programmes/" + declared.id();
        record(103, i -> switch (i % 5) {
            case 4 -> api.post(programme + "/items/item-" + (i - 1) + "/complete",
                    object("completedOn", "2021-09-01", "evidence", "已上线")).send();
            case 0 -> api.post(programme + "/items/item-" + (i - 2) + "/corrections",
                    object("itemCount", 3, "reason", "按年度清单原文更正")).send();
            default -> api.post(programme + "/items", object("itemId", "item-" + i, "name", "事项 " + i,
                    "category", i % 2 == 0 ? "政务服务" : "医保", "responsibleParties", List.of(wanzhou.code()),
                    "listedOn", "2021-03-15")).send();
        });
        assertThat(snapshotSequence(declared.id())).isGreaterThanOrEqualTo(99);
        api.post(programme + "/items/item-6/withdraw", object("withdrawnOn", "2021-10-01", "reason", "撤销")).send();

        assertRoundTrip(signed.id(), Project.class);
        assertRoundTrip(declared.id(), Programme.class);
        assertReadFromSnapshotAsFromEvents(project, signed.id());
        assertReadFromSnapshotAsFromEvents(programme, declared.id());
    }

    @Test
    void a_snapshot_of_another_revision_is_never_read_and_the_record_is_folded_from_its_events()
            throws InterruptedException {
        TestData.Party kaizhou = TestData.kaizhou();
        TestData.Party yunyang = TestData.yunyang();
        register(kaizhou, yunyang);
        String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "FRAMEWORK",
                List.of(kaizhou, yunyang), List.of()));
        String path = "/api/agreements/" + id;
        record(110, i -> api.post(path + "/payments", payment(kaizhou, yunyang, "pay-" + i, i + "元")).send());
        long snapshotAt = snapshotSequence(id);
        assertThat(snapshotAt).isBetween(99L, 105L);
        assertThat(jdbc.queryForObject("SELECT type FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                String.class, id)).isEqualTo("Agreement");

        // The snapshot now claims to stand for all 111 events, though it lacks the payments after its real place.
        jdbc.update("UPDATE snapshot_event_entry SET sequence_number = 110 WHERE aggregate_identifier = ?", id);
        // Of the agreement's revision, it is believed: the detail read starts from it (and so misses payments).
        assertThat(agreement(id).json().path("payments").size()).isEqualTo((int) snapshotAt);

        // Of no revision, as every snapshot before revision 2, it is never read: all events are folded.
        jdbc.update("UPDATE snapshot_event_entry SET payload_revision = NULL WHERE aggregate_identifier = ?", id);
        assertThat(storage.readSnapshot(id)).isEmpty();
        assertFoldedFromEvents(path, 110);
        Reply again = api.post(path + "/payments", payment(kaizhou, yunyang, "pay-108", "108元")).send();
        assertThat(again.rule()).as("a payment recorded after the snapshot's place: %s", again)
                .isEqualTo("payment.duplicate");
        Reply corrected = api.post(path + "/payments/pay-108/corrections",
                object("correctsSequence", 108, "amount", "1080元", "reason", "金额录入错误")).send();
        assertThat(corrected.status()).as("%s", corrected).isIn(200, 201);
        assertThat(corrected.version()).isEqualTo(112);
    }

    @Test
    void an_old_format_snapshot_row_is_ignored_and_the_record_loads_from_its_events() {
        TestData.Party kaizhou = TestData.kaizhou();
        TestData.Party yunyang = TestData.yunyang();
        register(kaizhou, yunyang);
        String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "FRAMEWORK",
                List.of(kaizhou, yunyang), List.of()));
        String path = "/api/agreements/" + id;
        record(4, i -> api.post(path + "/payments", payment(kaizhou, yunyang, "pay-" + i, i + "元")).send());

        // As the snapshotter wrote it before revision 2, with only the first three events though it claims all five.
        List<AgreementEvent> history = storage.readEvents(id, 0).asStream()
                .map(message -> (AgreementEvent) message.getPayload()).toList();
        RevisionlessAgreement old = new RevisionlessAgreement();
        old.agreementId = id;
        old.recorded = new ArrayList<>(history.subList(0, 3));
        old.recorded.forEach(event -> old.state = AgreementState.fold(old.state, event));
        String json = new String(revisionlessSnapshotSerializer().serialize(old, byte[].class).getData(),
                StandardCharsets.UTF_8).replace(RevisionlessAgreement.class.getName(), Agreement.class.getName());
        assertThat(json).contains("\"recorded\"", "java.util.", "coop.ledger.agreement.api.PaymentRecordedEvent");
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                id, 4L, "Agreement", UUID.randomUUID().toString(), json.getBytes(StandardCharsets.UTF_8),
                Agreement.class.getName(), Instant.now().toString());

        assertThat(storage.readSnapshot(id)).isEmpty();
        assertFoldedFromEvents(path, 4);
        Reply again = api.post(path + "/payments", payment(kaizhou, yunyang, "pay-4", "4元")).send();
        assertThat(again.rule()).as("%s", again).isEqualTo("payment.duplicate");
        Reply corrected = api.post(path + "/payments/pay-4/corrections",
                object("correctsSequence", 4, "amount", "40元", "reason", "金额录入错误")).send();
        assertThat(corrected.status()).as("%s", corrected).isIn(200, 201);
        assertThat(agreement(id).json().path("paymentsTotal").path("yuan").asString()).isEqualTo("46");
    }

    /** The shape of an agreement's snapshot before revision 2: its fields, its whole history among them. */
    static final class RevisionlessAgreement {
        String agreementId;
        AgreementState state;
        List<AgreementEvent> recorded;
    }

    /** The serializer of snapshots before revision 2: every non-final value with its class name. */
    private static Serializer revisionlessSnapshotSerializer() {
        return Jackson3Serializer.builder()
                .defaultTyping()
                .jsonMapperBuilderCustomizer(mapper -> mapper
                        .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                        .changeDefaultVisibility(v -> v
                                .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                                .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                                .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)
                                .withSetterVisibility(JsonAutoDetect.Visibility.NONE)
                                .withCreatorVisibility(JsonAutoDetect.Visibility.NONE))
                        .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("coop.ledger.")
                                .allowIfSubType("java.")
                                .allowIfSubType("org.axonframework.")
                                .build()))
                .build();
    }

    private static ObjectNode payment(TestData.Party payer, TestData.Party payee, String paymentId, String amount) {
        return object("paymentId", paymentId, "payer", payer.code(), "payee", payee.code(), "amount", amount,
                "paidOn", "2021-09-01");
    }

    /** Sends {@code count} writes, the i-th (from 1) made by {@code write}, and fails unless each is accepted. */
    private static void record(int count, IntFunction<Reply> write) {
        for (int i = 1; i <= count; i++) {
            Reply reply = write.apply(i);
            assertThat(reply.status()).as("write %d: %s", i, reply).isBetween(200, 201);
        }
    }

    /** The agreement at {@code path} reads as the fold of its signing and payments pay-1 to pay-{@code payments}. */
    private void assertFoldedFromEvents(String path, int payments) {
        Reply read = api.get(path).send();
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.version()).isEqualTo(payments + 1);
        assertThat(read.json().path("payments").size()).isEqualTo(payments);
        assertThat(read.json().path("payments").path(payments - 1).path("paymentId").asString())
                .isEqualTo("pay-" + payments);
    }

    /**
     * The detail read answers byte for byte (body and ETag) as it does once the record's snapshots are gone and it
     * folds every event from the first.
     */
    private void assertReadFromSnapshotAsFromEvents(String path, String recordId) {
        assertThat(storage.readSnapshot(recordId)).as("snapshot of %s", recordId).isPresent();
        Reply fromSnapshot = api.get(path).send();
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", recordId);
        Reply fromEvents = api.get(path).send();
        assertThat(fromSnapshot.status()).as("%s", fromSnapshot).isEqualTo(200);
        assertThat(fromSnapshot.text()).isEqualTo(fromEvents.text());
        assertThat(fromSnapshot.eTag()).isEqualTo(fromEvents.eTag());
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

    /** With lists of plain strings sorted: a set may come back reordered. */
    private static String withStringListsSorted(String json) {
        return java.util.regex.Pattern.compile("\\[(\"[^\"\\[\\]{}]*\"(,\"[^\"\\[\\]{}]*\")*)]").matcher(json)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        "[" + String.join(",", new java.util.TreeSet<>(List.of(m.group(1).split(",")))) + "]"));
    }

    /**
     * The stored snapshot is plain JSON (no class names, no history) of the aggregate's revision; it reads back into
     * the aggregate, and that aggregate writes back the very same JSON.
     */
    private void assertRoundTrip(String aggregateId, Class<?> type) {
        DomainEventMessage<?> snapshot = storage.readSnapshot(aggregateId).orElseThrow();
        assertThat(snapshot.getPayload()).isInstanceOf(type);
        Serializer serializer = AxonConfig.snapshotSerializer();
        String stored = jdbc.queryForObject("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", (rs, n) -> new String(rs.getBytes(1),
                StandardCharsets.UTF_8), aggregateId);
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", String.class, aggregateId)).isEqualTo("2");
        assertThat(stored).startsWith("{").doesNotContain("java.", "coop.ledger.", "\"recorded\"").contains(aggregateId);
        String again = new String(serializer.serialize(snapshot.getPayload(), byte[].class).getData(),
                StandardCharsets.UTF_8);
        assertThat(withStringListsSorted(again)).isEqualTo(withStringListsSorted(stored));
    }
}
