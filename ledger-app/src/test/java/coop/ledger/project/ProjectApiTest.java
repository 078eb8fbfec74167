package coop.ledger.project;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static coop.ledger.testing.TestData.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Signed projects (签约项目) over HTTP: the life of a project and of an intention, every refusal, safe retries. */
class ProjectApiTest extends LedgerHttpTest {

    private Reply project(String id) {
        return api.get("/api/projects/" + id).send();
    }

    private long projectVersion(String id) {
        Reply reply = project(id);
        assertThat(reply.status()).as("reading project %s: %s", id, reply).isEqualTo(200);
        return reply.version();
    }

    private String signProject(ObjectNode signing) {
        Reply reply = api.post("/api/projects", signing).send();
        assertThat(reply.status()).as("signing project: %s", reply).isEqualTo(201);
        return reply.id();
    }

    @Nested
    class Lifecycle {

        @Test
        void a_project_is_signed_under_an_agreement_started_invested_in_and_completed() {
            Party wanzhou = TestData.wanzhou();
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            Party hongyan = TestData.saicHongyan();
            String agreementId = signedAgreement(wanzhou, kaizhou, yunyang);
            register(hongyan);
            ObjectNode signing = TestData.projectSigning(List.of(hongyan), List.of(wanzhou))
                    .put("agreementId", agreementId);
            String id = signing.path("id").asString();
            String path = "/api/projects/" + id;
            List<Reply> writes = new ArrayList<>();

            Reply signed = api.post("/api/projects", signing).send();
            assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            assertThat(signed.header("Location")).endsWith(path);
            assertThat(signed.json()).isEqualTo(object("id", id, "version", 1, "replayed", false));
            writes.add(signed);
            writes.add(api.post(path + "/start", object("startedOn", "2021-06-18")).send());
            Reply reported = api.post(path + "/investments", object("reportId", "2021-q3", "amount", "1100万元",
                    "reportedOn", "2021-09-30", "note", "第三季度完成投资")).send();
            assertThat(reported.status()).as("%s", reported).isEqualTo(201);
            assertThat(reported.header("Location")).endsWith(path + "#investment-2021-q3");
            writes.add(reported);
            writes.add(api.post(path + "/investments", object("reportId", "2021-q4",
                    "amount", new BigDecimal("2.5E+8"), "reportedOn", "2021-12-31")).send());
            writes.add(api.post(path + "/complete", object("completedOn", "2022-06-30")).send());

            assertThat(writes).allSatisfy(w -> assertThat(w.status()).as("%s", w).isIn(200, 201));
            assertThat(writes).allSatisfy(w -> assertThat(w.id()).isEqualTo(id));
            assertThat(writes).allSatisfy(w -> assertThat(w.eTag()).isEqualTo("\"" + w.version() + "\""));
            assertThat(writes.stream().map(Reply::version))
                    .containsExactly(LongStream.rangeClosed(1, writes.size()).boxed().toArray(Long[]::new));

            Reply read = project(id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.eTag()).isEqualTo("\"5\"");
            JsonNode state = read.json();
            assertThat(state.path("id").asString()).isEqualTo(id);
            assertThat(state.path("name").asString()).isEqualTo(TestData.WAN_KAI_YUN_INDUSTRY_PROJECTS);
            assertThat(state.path("status")).isEqualTo(object("code", "IN_OPERATION", "zh", "建成投用",
                    "en", "in operation"));
            assertThat(state.path("signedAsIntention").asBoolean()).isFalse();
            assertThat(TestData.codes(state.path("investors"))).isEqualTo(strings(hongyan.code()));
            assertThat(TestData.codes(state.path("hostParties"))).isEqualTo(strings(wanzhou.code()));
            assertThat(state.path("occasion").asString()).isEqualTo(TestData.WAN_KAI_YUN_SIGNING);
            assertThat(state.path("agreementId").asString()).isEqualTo(agreementId);
            assertThat(state.path("domain")).isEqualTo(object("code", "INDUSTRY", "zh", "产业", "en", "industry"));
            assertThat(state.path("projectCount").asInt()).isEqualTo(5);
            assertThat(state.path("note").asString()).isEqualTo("来源只报告万州5个项目的总投资");
            assertThat(state.path("agreedInvestment")).isEqualTo(object("yuan", "1330000000", "text", "13.3亿元"));
            assertThat(state.path("actualInvestment")).isEqualTo(object("yuan", "261000000", "text", "2.61亿元"));
            assertThat(state.path("milestones")).isEqualTo(object("signedOn", "2021-04-23", "startedOn", "2021-06-18",
                    "completedOn", "2022-06-30").putNull("firmedUpOn").putNull("cancelledOn"));
            assertThat(state.path("reports")).hasSize(2);
            assertThat(state.path("reports").get(0)).isEqualTo(object("reportId", "2021-q3",
                    "amount", object("yuan", "11000000", "text", "1100万元"), "reportedOn", "2021-09-30",
                    "note", "第三季度完成投资"));
            assertThat(state.path("reports").get(1).path("amount"))
                    .isEqualTo(object("yuan", "250000000", "text", "2.5亿元"));
            assertThat(state.path("version").asLong()).isEqualTo(5);

            assertRule(api.post(path + "/start", object("startedOn", "2022-07-01")).send(), 409,
                    "project.already-completed");
            assertRule(api.post(path + "/cancel", object("cancelledOn", "2022-07-01", "reason", "撤资")).send(), 409,
                    "project.already-completed");
            assertThat(project(id).json()).isEqualTo(state);
        }

        @Test
        void an_intention_without_an_amount_is_firmed_up_and_later_cancelled() {
            Party wanzhou = TestData.wanzhou();
            Party hongyan = TestData.saicHongyan();
            register(wanzhou, hongyan);
            ObjectNode signing = TestData.projectSigning(List.of(hongyan), List.of(wanzhou))
                    .put("name", "上汽红岩万开云产业协同发展合作项目").put("intention", true);
            signing.remove(List.of("agreedInvestment", "projectCount", "note"));
            String id = signProject(signing);
            String path = "/api/projects/" + id;

            JsonNode intention = project(id).json();
            assertThat(intention.path("status")).isEqualTo(object("code", "INTENTION", "zh", "意向", "en", "intention"));
            assertThat(intention.path("signedAsIntention").asBoolean()).isTrue();
            assertThat(intention.path("agreedInvestment").isNull()).isTrue();
            assertThat(intention.path("actualInvestment")).isEqualTo(object("yuan", "0", "text", "0元"));
            assertThat(intention.path("projectCount").asInt()).isEqualTo(1);
            assertRule(api.post(path + "/start", object("startedOn", "2021-05-01")).send(), 409,
                    "project.intention-not-firm");

            Reply firmed = api.post(path + "/firm-up", object("firmedUpOn", "2021-06-01",
                    "agreedInvestment", "3.2亿元")).ifMatch(1).send();
            Reply cancelled = api.post(path + "/cancel", object("cancelledOn", "2021-12-31",
                    "reason", "企业调整投资计划")).send();

            assertThat(firmed.json()).isEqualTo(object("id", id, "version", 2, "replayed", false));
            assertThat(cancelled.json()).isEqualTo(object("id", id, "version", 3, "replayed", false));
            JsonNode state = project(id).json();
            assertThat(state.path("status").path("zh").asString()).isEqualTo("已取消");
            assertThat(state.path("agreedInvestment")).isEqualTo(object("yuan", "320000000", "text", "3.2亿元"));
            assertThat(state.path("milestones").path("firmedUpOn").asString()).isEqualTo("2021-06-01");
            assertThat(state.path("milestones").path("cancelledOn").asString()).isEqualTo("2021-12-31");
            assertThat(state.path("cancelReason").asString()).isEqualTo("企业调整投资计划");
            assertRule(api.post(path + "/investments", object("amount", "100万元", "reportedOn", "2022-01-05"))
                    .send(), 409, "project.cancelled");
            assertThat(projectVersion(id)).isEqualTo(3);
        }

        @Test
        void an_amount_in_plain_yuan_text_reads_back_in_yi_yuan() {
            Party wanzhou = TestData.wanzhou();
            Party hongyan = TestData.saicHongyan();
            register(wanzhou, hongyan);

            String id = signProject(TestData.projectSigning(List.of(hongyan), List.of(wanzhou))
                    .put("agreedInvestment", "3790000000"));

            assertThat(project(id).json().path("agreedInvestment"))
                    .isEqualTo(object("yuan", "3790000000", "text", "37.9亿元"));
        }
    }

    /** Each test starts from a freshly signed project of 上汽红岩 hosted by Wanzhou. */
    abstract class WithSignedProject {

        Party wanzhou;
        Party hongyan;
        String id;
        String path;

        @BeforeEach
        void signTheProject() {
            wanzhou = TestData.wanzhou();
            hongyan = TestData.saicHongyan();
            register(wanzhou, hongyan);
            id = signProject(TestData.projectSigning(List.of(hongyan), List.of(wanzhou)));
            path = "/api/projects/" + id;
        }

        ObjectNode signing() {
            return TestData.projectSigning(List.of(hongyan), List.of(wanzhou));
        }

        void assertUnchanged() {
            assertThat(projectVersion(id)).as("version of %s after the refusal", id).isEqualTo(1);
        }
    }

    @Nested
    class Refusals extends WithSignedProject {

        @Test
        void an_agreed_investment_that_is_not_money_is_400_naming_the_field() {
            ObjectNode words = signing().put("agreedInvestment", "很多钱");
            ObjectNode fractionOfFen = signing().put("agreedInvestment", "12.345元");

            assertInvalid(api.post("/api/projects", words).send(), 400, "agreedInvestment");
            assertInvalid(api.post("/api/projects", fractionOfFen).send(), 400, "agreedInvestment");
            assertInvalid(api.post(path + "/firm-up", object("firmedUpOn", "2021-05-01",
                    "agreedInvestment", "几个亿")).send(), 400, "agreedInvestment");
            assertProblem(project(words.path("id").asString()), 404);
        }

        @Test
        void an_investment_amount_that_is_not_money_is_400_naming_the_amount() {
            Reply reply = api.post(path + "/investments", object("amount", "一千万", "reportedOn", "2021-09-30"))
                    .send();

            assertInvalid(reply, 400, "amount");
            assertUnchanged();
        }

        @Test
        void a_negative_agreed_investment_is_409_amount_not_positive() {
            ObjectNode signing = signing().put("agreedInvestment", "-13.3亿元");

            Reply reply = api.post("/api/projects", signing).send();

            assertRule(reply, 409, "project.amount-not-positive");
            assertProblem(project(signing.path("id").asString()), 404);
        }

        @Test
        void a_negative_investment_report_is_409_investment_amount_not_positive() {
            Reply reply = api.post(path + "/investments", object("amount", "-1100万元", "reportedOn", "2021-09-30"))
                    .send();

            assertRule(reply, 409, "investment.amount-not-positive");
            assertUnchanged();
        }

        @Test
        void missing_fields_are_400_naming_each_of_them() {
            Reply reply = api.post("/api/projects", object("id", "bad id!", "investors", List.of(),
                    "hostParties", List.of(wanzhou.code(), ""))).send();

            assertInvalid(reply, 400, "id", "name", "investors", "hostParties[1]", "domain", "signedOn");
        }

        @Test
        void a_milestone_without_its_date_is_400_and_records_nothing() {
            assertInvalid(api.post(path + "/start", object()).send(), 400, "startedOn");
            assertInvalid(api.post(path + "/cancel", object("cancelledOn", "2021-05-01")).send(), 400, "reason");
            assertUnchanged();
        }

        @Test
        void an_unknown_domain_is_400_naming_it() {
            assertInvalid(api.post("/api/projects", signing().put("domain", "太空")).send(), 400, "domain");
        }

        @Test
        void an_unknown_project_is_404() {
            String unknown = TestData.unique("project");

            assertProblem(project(unknown), 404);
            assertProblem(api.post("/api/projects/" + unknown + "/start", object("startedOn", "2021-06-01")).send(),
                    404);
            assertProblem(project(unknown), 404);
        }

        @Test
        void a_party_code_is_not_a_project() {
            assertProblem(project(wanzhou.code()), 404);
            assertProblem(api.post("/api/projects/" + wanzhou.code() + "/start", object("startedOn", "2021-06-01"))
                    .send(), 404);
            assertThat(api.get("/api/parties/" + wanzhou.code()).send().version()).isEqualTo(1);
        }

        @Test
        void starting_twice_is_409_already_started() {
            api.post(path + "/start", object("startedOn", "2021-06-18")).send();

            Reply reply = api.post(path + "/start", object("startedOn", "2021-06-19")).send();

            assertRule(reply, 409, "project.already-started");
            assertThat(projectVersion(id)).isEqualTo(2);
        }

        @Test
        void an_unregistered_investor_is_409_party_unknown() {
            Reply reply = api.post("/api/projects", TestData.projectSigning(List.of(TestData.saicHongyan()),
                    List.of(wanzhou))).send();

            assertRule(reply, 409, "party.unknown");
        }

        @Test
        void an_unrecorded_agreement_is_409_agreement_unknown() {
            Reply reply = api.post("/api/projects", signing().put("agreementId", TestData.unique("agreement")))
                    .send();

            assertRule(reply, 409, "agreement.unknown");
        }

        @Test
        void a_completion_before_the_start_is_409_date_before_previous_step() {
            api.post(path + "/start", object("startedOn", "2021-06-18")).send();

            Reply reply = api.post(path + "/complete", object("completedOn", "2021-06-17")).send();

            assertRule(reply, 409, "project.date-before-previous-step");
            assertThat(reply.json().path("values").path("previous").asString()).isEqualTo("2021-06-18");
        }

        @Test
        void a_report_dated_before_the_signing_is_409_before_signing() {
            Reply reply = api.post(path + "/investments", object("amount", "1100万元", "reportedOn", "2021-04-22"))
                    .send();

            assertRule(reply, 409, "business-date.before-signing");
            assertUnchanged();
        }

        @Test
        void a_firm_up_of_a_signed_project_is_409_not_an_intention() {
            assertRule(api.post(path + "/firm-up", object("firmedUpOn", "2021-05-01")).send(), 409,
                    "project.not-an-intention");
            assertUnchanged();
        }

        @Test
        void a_stale_if_match_is_412_version_stale() {
            api.post(path + "/start", object("startedOn", "2021-06-18")).ifMatch(1).send();
            assertThat(projectVersion(id)).isEqualTo(2);

            Reply reply = api.post(path + "/investments", object("amount", "1100万元", "reportedOn", "2021-09-30"))
                    .ifMatch(1).send();

            assertRule(reply, 412, "version.stale");
            assertThat(projectVersion(id)).isEqualTo(2);
        }

        @Test
        void an_id_taken_by_another_project_is_409_record_already_exists() {
            Reply reply = api.post("/api/projects", signing().put("id", id)).send();

            assertRule(reply, 409, "record.already-exists");
            assertUnchanged();
        }
    }

    @Nested
    class Retries extends WithSignedProject {

        @Test
        void a_retried_investment_report_is_recorded_once() {
            String key = TestData.unique("key");
            ObjectNode report = object("amount", "1100万元", "reportedOn", "2021-09-30");

            Reply first = api.post(path + "/investments", report).idempotencyKey(key).send();
            Reply retry = api.post(path + "/investments", report).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", id, "version", 2, "replayed", true));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            JsonNode state = project(id).json();
            assertThat(state.path("reports")).hasSize(1);
            assertThat(state.path("actualInvestment").path("text").asString()).isEqualTo("1100万元");
            assertThat(state.path("version").asLong()).isEqualTo(2);
        }

        @Test
        void a_retried_signing_without_id_names_the_same_generated_project() {
            String key = TestData.unique("key");
            ObjectNode signing = signing();
            signing.remove("id");

            Reply first = api.post("/api/projects", signing).idempotencyKey(key).send();
            Reply retry = api.post("/api/projects", signing).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", first.id(), "version", 1, "replayed", true));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(projectVersion(first.id())).isEqualTo(1);
        }

        @Test
        void the_same_key_with_a_different_body_is_422_naming_the_key() {
            String key = TestData.unique("key");
            api.post(path + "/start", object("startedOn", "2021-06-18")).idempotencyKey(key).send();

            Reply reply = api.post(path + "/start", object("startedOn", "2021-06-19")).idempotencyKey(key).send();

            assertInvalid(reply, 422, "Idempotency-Key");
            assertThat(projectVersion(id)).isEqualTo(2);
        }
    }
}
