package coop.ledger.audit;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections (更正) over HTTP: each correction endpoint records a correction that current state and history
 * both show, and refuses what the rules refuse with problem+json. Nothing recorded earlier is changed.
 */
class CorrectionApiTest extends LedgerHttpTest {

    private static final String REASON = "以原始凭证为准";

    private JsonNode history(String recordId) {
        Reply reply = api.get("/api/audit/records/" + recordId + "/history").as(TestUsers.AUDITOR).send();
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("events");
    }

    @Nested
    class Agreements {

        private final Party kaizhou = TestData.kaizhou();
        private final Party yunyang = TestData.yunyang();
        private String agreementId;
        private String paymentsPath;

        private void recordAPayment() {
            agreementId = signedAgreement(kaizhou, yunyang, TestData.wanzhou());
            paymentsPath = "/api/agreements/" + agreementId + "/payments";
            Reply paid = api.post(paymentsPath, object("paymentId", "paid-to-2021", "payer", yunyang.code(),
                    "payee", kaizhou.code(), "amount", "1100万元", "paidOn", "2021-09-30")).send();
            assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        }

        @Test
        void a_payment_correction_changes_current_state_and_history_keeps_both_values() {
            recordAPayment();

            Reply corrected = api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元",
                    "paidOn", "2021-09-28", "reason", REASON)).ifMatch(2).send();

            assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
            assertThat(corrected.json()).isEqualTo(object("id", agreementId, "version", 3, "replayed", false));
            assertThat(corrected.eTag()).isEqualTo("\"3\"");
            JsonNode state = agreement(agreementId).json();
            assertThat(state.path("payments").path(0).path("amount").path("yuan").asString()).isEqualTo("1100000");
            assertThat(state.path("payments").path(0).path("paidOn").asString()).isEqualTo("2021-09-28");
            assertThat(state.path("paymentsTotal").path("text").asString()).isEqualTo("110万元");
            JsonNode events = history(agreementId);
            assertThat(events.path(1).path("summary").path("zh").asString()).contains("1100万元");
            assertThat(events.path(2).path("summary").path("zh").asString()).contains("110万元", "2021-09-28");
            assertThat(events.path(2).path("correctsSequence").asLong()).isEqualTo(1);
        }

        @Test
        void a_signing_correction_changes_place_and_occasion() {
            agreementId = signedAgreement(kaizhou, yunyang, TestData.wanzhou());

            Reply corrected = api.post("/api/agreements/" + agreementId + "/signing/corrections",
                    object("correctsSequence", 0, "place", "开州", "occasion", "川渝合作签约仪式", "signedOn", "2020-12-07",
                            "reason", REASON)).send();

            assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
            JsonNode state = agreement(agreementId).json();
            assertThat(state.path("place").asString()).isEqualTo("开州");
            assertThat(state.path("occasion").asString()).isEqualTo("川渝合作签约仪式");
            assertThat(state.path("signedOn").asString()).isEqualTo("2020-12-07");
        }

        @Test
        void refuses_a_correction_without_a_reason() {
            recordAPayment();

            assertInvalid(api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元")).send(),
                    400, "reason");
        }

        @Test
        void refuses_a_correction_citing_an_event_of_another_kind() {
            recordAPayment();

            assertRule(api.post(paymentsPath + "/paid-to-2021/corrections", object("correctsSequence", 0,
                    "amount", "110万元", "reason", REASON)).send(), 409, "correction.cites-wrong-event");
        }

        @Test
        void refuses_a_correction_of_an_unrecorded_payment() {
            recordAPayment();

            assertRule(api.post(paymentsPath + "/never-paid/corrections", object("amount", "110万元",
                    "reason", REASON)).send(), 404, "payment.not-recorded");
        }

        @Test
        void refuses_a_correction_that_changes_nothing() {
            recordAPayment();

            assertRule(api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "1100万元",
                    "reason", REASON)).send(), 409, "correction.no-change");
        }

        @Test
        void refuses_a_correction_against_a_stale_version() {
            recordAPayment();

            assertRule(api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元",
                    "reason", REASON)).ifMatch(1).send(), 412, "version.stale");
        }

        @Test
        void refuses_a_correction_by_an_auditor() {
            recordAPayment();

            assertProblem(api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元",
                    "reason", REASON)).as(TestUsers.AUDITOR).send(), 403);
        }

        @Test
        void a_retried_correction_with_the_same_idempotency_key_is_recorded_once() {
            recordAPayment();
            String key = TestData.unique("correct-paid-to-2021");

            Reply first = api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元",
                    "reason", REASON)).idempotencyKey(key).send();
            Reply retry = api.post(paymentsPath + "/paid-to-2021/corrections", object("amount", "110万元",
                    "reason", REASON)).idempotencyKey(key).send();

            assertThat(first.json().path("replayed").asBoolean()).isFalse();
            assertThat(retry.json().path("replayed").asBoolean()).isTrue();
            assertThat(agreementVersion(agreementId)).isEqualTo(3);
        }
    }

    @Nested
    class Projects {

        @Test
        void project_and_investment_corrections_change_the_project() {
            Party wanzhou = TestData.wanzhou();
            Party kaizhou = TestData.kaizhou();
            Party hongyan = TestData.saicHongyan();
            register(wanzhou, kaizhou, hongyan);
            Reply signed = api.post("/api/projects", TestData.projectSigning(List.of(hongyan), List.of(wanzhou)))
                    .send();
            assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            String path = "/api/projects/" + signed.id();
            assertThat(api.post(path + "/investments", object("reportId", "2021-q3", "amount", "1100万元",
                    "reportedOn", "2021-09-30")).send().status()).isEqualTo(201);

            Reply project = api.post(path + "/corrections", object("agreedInvestment", "13.5亿元",
                    "hostParties", List.of(wanzhou.code(), kaizhou.code()), "projectCount", 6, "domain", "ENERGY",
                    "reason", REASON)).send();
            Reply report = api.post(path + "/investments/2021-q3/corrections", object("correctsSequence", 1,
                    "amount", "1000万元", "reason", REASON)).send();

            assertThat(project.status()).as("%s", project).isEqualTo(200);
            assertThat(report.status()).as("%s", report).isEqualTo(200);
            assertThat(report.version()).isEqualTo(4);
            JsonNode state = api.get(path).send().json();
            assertThat(state.path("agreedInvestment").path("text").asString()).isEqualTo("13.5亿元");
            assertThat(state.path("hostParties").valueStream().map(p -> p.path("code").asString()).toList())
                    .containsExactly(wanzhou.code(), kaizhou.code());
            assertThat(state.path("projectCount").asInt()).isEqualTo(6);
            assertThat(state.path("domain").path("code").asString()).isEqualTo("ENERGY");
            assertThat(state.path("actualInvestment").path("text").asString()).isEqualTo("1000万元");
            assertThat(history(signed.id()).valueStream().map(e -> e.path("eventType").asString()).toList())
                    .containsExactly("ProjectSignedEvent", "InvestmentReportedEvent", "ProjectCorrectedEvent",
                            "InvestmentReportCorrectedEvent");
        }

        @Test
        void a_correction_moves_an_amount_recorded_as_agreed_investment_to_total_planned_investment() {
            Party wanzhou = TestData.wanzhou();
            Party hongyan = TestData.saicHongyan();
            register(wanzhou, hongyan);
            String id = api.post("/api/projects", TestData.projectSigning(List.of(hongyan), List.of(wanzhou)))
                    .send().id();
            String path = "/api/projects/" + id;

            Reply moved = api.post(path + "/corrections", object("removeAgreedInvestment", true,
                    "plannedInvestment", "13.3亿元", "reason", "来源的13.3亿元是5个项目的总投资，不是协议投资")).send();
            Reply both = api.post(path + "/corrections", object("removePlannedInvestment", true,
                    "plannedInvestment", "14亿元", "reason", REASON)).send();

            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            JsonNode state = api.get(path).send().json();
            assertThat(state.path("agreedInvestment").isNull() || state.path("agreedInvestment").isMissingNode())
                    .as("no agreed investment: %s", state.path("agreedInvestment")).isTrue();
            assertThat(state.path("plannedInvestment").path("text").asString()).isEqualTo("13.3亿元");
            JsonNode correction = history(id).get(1);
            assertThat(correction.path("eventType").asString()).isEqualTo("ProjectCorrectedEvent");
            assertThat(correction.toString()).contains("来源的13.3亿元是5个项目的总投资");
            assertRule(both, 409, "project.investment-given-and-removed");
            assertThat(api.get(path).send().json().path("version").asLong()).isEqualTo(2);
        }

        @Test
        void refuses_a_corrected_investment_that_is_not_positive_and_an_unknown_report() {
            Party wanzhou = TestData.wanzhou();
            Party hongyan = TestData.saicHongyan();
            register(wanzhou, hongyan);
            String id = api.post("/api/projects", TestData.projectSigning(List.of(hongyan), List.of(wanzhou)))
                    .send().id();

            assertRule(api.post("/api/projects/" + id + "/corrections", object("agreedInvestment", "0元",
                    "reason", REASON)).send(), 409, "project.amount-not-positive");
            assertRule(api.post("/api/projects/" + id + "/investments/none/corrections", object("amount", "1万元",
                    "reason", REASON)).send(), 404, "investment.not-reported");
            assertProblem(api.post("/api/projects/no-such-project/corrections", object("projectCount", 2,
                    "reason", REASON)).send(), 404);
        }
    }

    @Nested
    class Programmes {

        @Test
        void an_item_correction_changes_the_counts() {
            Party wanzhou = TestData.wanzhou();
            register(wanzhou);
            String id = TestData.unique("programme");
            assertThat(api.post("/api/programmes", object("id", id, "name", "万开云同城化便捷服务事项",
                    "participants", List.of(wanzhou.code()), "period", "2021", "categories", List.of("政务服务", "医保"),
                    "declaredOn", "2021-03-01")).send().status()).isEqualTo(201);
            assertThat(api.post("/api/programmes/" + id + "/items", object("itemId", "other-13", "name", "其余事项",
                    "category", "政务服务", "itemCount", 12, "listedOn", "2021-03-01")).send().status()).isEqualTo(201);

            Reply corrected = api.post("/api/programmes/" + id + "/items/other-13/corrections", object(
                    "itemCount", 13, "targetOn", "2021-12-31", "reason", "来源报告为13项")).send();

            assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
            JsonNode state = api.get("/api/programmes/" + id).send().json();
            assertThat(state.path("counts").path("planned").asLong()).isEqualTo(13);
            assertRule(api.post("/api/programmes/" + id + "/items/other-13/corrections", object(
                    "category", "交通", "reason", REASON)).send(), 409, "item.unknown-category");
            assertRule(api.post("/api/programmes/" + id + "/items/unlisted/corrections", object(
                    "itemCount", 2, "reason", REASON)).send(), 404, "item.not-listed");
        }
    }
}
