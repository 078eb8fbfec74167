package coop.ledger.audit;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' view of a record over HTTP: history (JSON and CSV), field history, diffs, time travel by recorded-at
 * and by business date, the ledger summary as recorded at an instant, and who may see them.
 */
class HistoryApiTest extends LedgerHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRONG_AMOUNT = "录入时金额多写一位, \"1100万元\" 应为 110万元";

    private Party kaizhou;
    private String agreementId;
    private String paymentId;

    /** Kaizhou and Yunyang sign, Yunyang pays 1100万元 (mis-recorded), and the amount is corrected to 110万元. */
    @BeforeEach
    void recordAndCorrectAPayment() {
        kaizhou = TestData.kaizhou();
        Party yunyang = TestData.yunyang();
        Party wanzhou = TestData.wanzhou();
        agreementId = signedAgreement(kaizhou, yunyang, wanzhou);
        paymentId = TestData.unique("paid-to-2021");
        assertThat(api.post("/api/agreements/" + agreementId + "/payments", object("paymentId", paymentId,
                "payer", yunyang.code(), "payee", kaizhou.code(), "amount", "1100万元", "paidOn", "2021-09-30"))
                .send().status()).isEqualTo(201);
        Reply corrected = api.post("/api/agreements/" + agreementId + "/payments/" + paymentId + "/corrections",
                object("correctsSequence", 1, "amount", "110万元", "reason", WRONG_AMOUNT)).send();
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
    }

    private Reply audit(String path) {
        return api.get("/api/audit" + path).as(TestUsers.AUDITOR).send();
    }

    @Test
    void history_lists_every_event_oldest_first_with_who_when_why_and_the_correction_links() {
        Reply reply = audit("/records/" + agreementId + "/history");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("concept").asString()).isEqualTo("agreement");
        List<JsonNode> events = reply.json().path("events").valueStream().toList();
        assertThat(events).extracting(e -> e.path("eventType").asString())
                .containsExactly("AgreementSignedEvent", "PaymentRecordedEvent", "PaymentCorrectedEvent");
        assertThat(events).extracting(e -> e.path("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(events).extracting(e -> e.path("position").asLong()).isSorted().doesNotHaveDuplicates()
                .allMatch(p -> p > 0);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("recordedBy").asString()).isEqualTo("ndrc-office");
            assertThat(e.path("correlationId").asString()).isNotBlank();
            assertThat(e.path("causationId").asString()).isNotBlank();
            assertThat(e.path("eventId").asString()).isNotBlank();
            Instant recordedAt = Instant.parse(e.path("recordedAt").asString());
            assertThat(e.path("recordedAtShanghai").asString()).isEqualTo(DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.ofInstant(recordedAt,
                            ZoneId.of("Asia/Shanghai"))));
        });
        JsonNode payment = events.get(1);
        assertThat(payment.path("summary").path("zh").asString()).contains("支付 1100万元");
        assertThat(payment.path("summary").path("en").asString()).contains("paid", "11000000 yuan");
        assertThat(payment.path("businessDate").asString()).isEqualTo("2021-09-30");
        assertThat(payment.path("correctedBy").valueStream().map(JsonNode::asLong).toList()).containsExactly(2L);
        JsonNode correction = events.get(2);
        assertThat(correction.path("correctsSequence").asLong()).isEqualTo(1);
        assertThat(correction.path("reason").asString()).isEqualTo(WRONG_AMOUNT);
        assertThat(correction.path("summary").path("zh").asString()).contains("更正付款", "110万元");
        assertThat(events.get(0).path("reason").isNull()).isTrue();
    }

    @Test
    void history_works_for_a_party_too() {
        Reply reply = audit("/records/" + kaizhou.code() + "/history");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("concept").asString()).isEqualTo("party");
        assertThat(reply.json().path("events").path(0).path("summary").path("zh").asString()).contains("开州区");
    }

    @Test
    void history_as_csv_is_utf8_with_a_byte_order_mark_and_quotes_what_needs_quoting() throws IOException {
        for (String path : List.of("/history?format=csv", "/history.csv")) {
            Reply reply = audit("/records/" + agreementId + path);

            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
            assertThat(reply.header("Content-Disposition")).contains("attachment", ".csv");
            assertThat(reply.text()).startsWith("\uFEFFposition,sequence,event_type,summary_zh");
            assertThat(reply.text()).contains("\"录入时金额多写一位, \"\"1100万元\"\" 应为 110万元\"");
            try (CSVParser csv = CSVParser.parse(new StringReader(reply.text().substring(1)),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                List<CSVRecord> rows = csv.getRecords();
                assertThat(rows).extracting(r -> r.get("event_type"))
                        .containsExactly("AgreementSignedEvent", "PaymentRecordedEvent", "PaymentCorrectedEvent");
                assertThat(rows.get(2).get("reason")).isEqualTo(WRONG_AMOUNT);
                assertThat(rows.get(2).get("corrects_sequence")).isEqualTo("1");
                assertThat(rows.get(1).get("corrected_by")).isEqualTo("2");
                assertThat(rows.get(1).get("summary_zh")).contains("1100万元");
                assertThat(rows.get(1).get("recorded_by")).isEqualTo("ndrc-office");
            }
        }
    }

    @Test
    void field_history_shows_each_value_a_field_held_with_the_event_that_set_it() {
        Reply reply = audit("/records/" + agreementId + "/fields");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<JsonNode> fields = reply.json().path("fields").valueStream().toList();
        JsonNode amount = fields.stream()
                .filter(f -> f.path("path").asString().equals("payments[" + paymentId + "].amount"))
                .findFirst().orElseThrow();
        List<JsonNode> values = amount.path("values").valueStream().toList();
        assertThat(values).extracting(v -> v.path("value").asString()).containsExactly("11000000", "1100000");
        assertThat(values).extracting(v -> v.path("since").path("eventType").asString())
                .containsExactly("PaymentRecordedEvent", "PaymentCorrectedEvent");
        assertThat(values).extracting(v -> v.path("since").path("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(values.get(0).path("since").path("recordedBy").asString()).isEqualTo("ndrc-office");
        assertThat(values.get(0).path("since").path("businessDate").asString()).isEqualTo("2021-09-30");
        assertThat(fields).extracting(f -> f.path("path").asString())
                .contains("title", "signedOn", "status", "payments[" + paymentId + "].paidOn")
                .doesNotContain("version");
        JsonNode title = fields.stream().filter(f -> f.path("path").asString().equals("title")).findFirst()
                .orElseThrow();
        assertThat(title.path("values").size()).isEqualTo(1);
    }

    @Test
    void diff_between_versions_names_the_changed_fields_with_old_and_new_values() {
        Reply reply = audit("/records/" + agreementId + "/diff?from=2&to=3");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("changes")).isEqualTo(JSON.readTree("[{\"path\":\"payments[" + paymentId
                + "].amount\",\"from\":\"11000000\",\"to\":\"1100000\"}]"));
        Reply fromNothing = audit("/records/" + agreementId + "/diff?from=0&to=1");
        assertThat(fromNothing.json().path("changes").valueStream().map(c -> c.path("path").asString()).toList())
                .contains("title", "signedOn").noneMatch(p -> p.startsWith("payments"));
    }

    @Test
    void diff_between_recorded_at_instants() {
        List<JsonNode> events = audit("/records/" + agreementId + "/history").json().path("events").valueStream()
                .toList();
        String signedAt = events.get(0).path("recordedAt").asString();
        String paidAt = events.get(1).path("recordedAt").asString();

        Reply reply = audit("/records/" + agreementId + "/diff?fromTime=" + signedAt + "&toTime=" + paidAt);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("fromVersion").asLong()).isEqualTo(1);
        assertThat(reply.json().path("toVersion").asLong()).isEqualTo(2);
        assertThat(reply.json().path("changes").valueStream().map(c -> c.path("path").asString()).toList())
                .allMatch(p -> p.startsWith("payments[" + paymentId + "]"));
    }

    @Test
    void as_recorded_at_an_instant_shows_what_the_ledger_said_then() {
        List<JsonNode> events = audit("/records/" + agreementId + "/history").json().path("events").valueStream()
                .toList();
        String paidAt = events.get(1).path("recordedAt").asString();

        Reply then = audit("/records/" + agreementId + "/as-of?recordedAt=" + paidAt);
        Reply now = audit("/records/" + agreementId + "/as-of?recordedAt=" + Instant.now());

        assertThat(then.status()).as("%s", then).isEqualTo(200);
        assertThat(then.json().path("eventsFolded").asLong()).isEqualTo(2);
        assertThat(then.json().path("state").path("payments").path(0).path("amount").asString()).isEqualTo("11000000");
        assertThat(now.json().path("state").path("payments").path(0).path("amount").asString()).isEqualTo("1100000");
        Reply before = audit("/records/" + agreementId + "/as-of?recordedAt=2000-01-01T00:00:00Z");
        assertProblem(before, 404);
    }

    @Test
    void as_of_a_business_date_uses_what_is_known_now_corrections_included() {
        Reply beforePayment = audit("/records/" + agreementId + "/as-of?businessDate=2021-09-29");
        Reply afterPayment = audit("/records/" + agreementId + "/as-of?businessDate=2021-09-30");

        assertThat(beforePayment.status()).as("%s", beforePayment).isEqualTo(200);
        assertThat(beforePayment.json().path("state").path("payments").size()).isZero();
        assertThat(afterPayment.json().path("eventsFolded").asLong()).isEqualTo(3);
        assertThat(afterPayment.json().path("state").path("payments").path(0).path("amount").asString())
                .isEqualTo("1100000");
        assertProblem(audit("/records/" + agreementId + "/as-of?businessDate=2020-01-01"), 404);
    }

    @Test
    void as_of_needs_exactly_one_of_recorded_at_and_business_date() {
        assertInvalid(audit("/records/" + agreementId + "/as-of"), 400, "recordedAt");
        assertInvalid(audit("/records/" + agreementId + "/as-of?recordedAt=2021-06-01T12:00:00Z"
                + "&businessDate=2021-06-01"), 400, "recordedAt");
        assertProblem(audit("/records/" + agreementId + "/as-of?recordedAt=yesterday"), 400);
    }

    @Test
    void summary_as_recorded_at_an_instant_counts_only_what_was_recorded_by_then() {
        Reply empty = audit("/summary?recordedAt=2000-01-01T00:00:00Z");
        Reply now = audit("/summary");

        assertThat(empty.status()).as("%s", empty).isEqualTo(200);
        assertThat(empty.json().path("parties").asLong()).isZero();
        assertThat(empty.json().path("agreements").path("total").asLong()).isZero();
        assertThat(empty.json().path("projects").path("agreedInvestmentYuan").asString()).isEqualTo("0");
        assertThat(now.json().path("parties").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(now.json().path("agreements").path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(now.json().path("agreements").path("byStatus").path("IN_FORCE").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(now.json().path("programmes").has("itemsPlanned")).isTrue();
    }

    @Test
    void an_unknown_record_has_no_history() {
        assertProblem(audit("/records/no-such-record/history"), 404);
        assertProblem(audit("/records/no-such-record/fields"), 404);
    }

    @Test
    void a_viewer_may_not_see_the_audit_endpoints_and_an_administrator_may() {
        assertProblem(api.get("/api/audit/records/" + agreementId + "/history").as(TestUsers.VIEWER).send(), 403);
        assertProblem(api.get("/api/audit/summary").as(TestUsers.VIEWER).send(), 403);
        assertProblem(api.get("/api/audit/records/" + agreementId + "/history").anonymous().send(), 401);
        assertThat(api.get("/api/audit/records/" + agreementId + "/history").send().status()).isEqualTo(200);
    }
}
