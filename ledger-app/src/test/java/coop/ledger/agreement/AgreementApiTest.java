package coop.ledger.agreement;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static coop.ledger.testing.TestData.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Cooperation agreements (合作协议) over HTTP: the life of one agreement, every refusal, and safe retries. */
class AgreementApiTest extends LedgerHttpTest {

    @Nested
    class Lifecycle {

        @Test
        void an_agreement_is_signed_joined_listed_worked_amended_paid_and_terminated() {
            Party wanzhou = TestData.wanzhou();
            Party dazhou = TestData.dazhou();
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            Party wanzhouYibao = wanzhou.yibao();
            register(wanzhou, dazhou, kaizhou, yunyang, wanzhouYibao);
            ObjectNode signing = TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, dazhou), List.of(yunyang));
            String id = signing.path("id").asString();
            String path = "/api/agreements/" + id;
            List<Reply> writes = new ArrayList<>();

            Reply signed = api.post("/api/agreements", signing).send();
            assertThat(signed.status()).as("%s", signed).isEqualTo(201);
            assertThat(signed.header("Location")).endsWith(path);
            assertThat(signed.json()).isEqualTo(object("id", id, "version", 1, "replayed", false));
            writes.add(signed);
            writes.add(api.post(path + "/participants",
                    object("partyCode", kaizhou.code(), "role", "SIGNATORY", "joinedOn", "2021-01-10")).send());
            writes.add(api.post(path + "/participants/" + yunyang.code() + "/promotion",
                    object("promotedOn", "2021-03-01")).send());
            Reply listed = api.post(path + "/items", object("itemId", "yibao-1", "description", "异地就医直接结算",
                    "domain", "医保", "responsibleParties", List.of(wanzhouYibao.code()), "dueOn", "2021-12-31",
                    "listedOn", "2021-03-15")).send();
            assertThat(listed.status()).as("%s", listed).isEqualTo(201);
            assertThat(listed.header("Location")).endsWith(path + "#item-yibao-1");
            writes.add(listed);
            writes.add(api.post(path + "/items", object("itemId", "road-1", "description", "万达开高速公路规划对接",
                    "domain", "TRANSPORT", "responsibleParties", List.of(wanzhou.code(), dazhou.code()),
                    "listedOn", "2021-03-15")).send());
            writes.add(api.post(path + "/items/yibao-1/start", object("startedOn", "2021-04-01")).send());
            writes.add(api.post(path + "/items/yibao-1/complete",
                    object("completedOn", "2021-06-30", "evidence", "万州区医保局开通异地就医直接结算")).send());
            writes.add(api.post(path + "/items/road-1/drop",
                    object("droppedOn", "2021-07-01", "reason", "并入交通专项规划")).send());
            writes.add(api.post(path + "/amendments", object("amendedOn", "2021-08-01",
                    "title", "万达开川渝统筹发展示范区合作框架协议（修订）",
                    "domains", List.of("TRANSPORT", "INDUSTRY", "MEDICAL_INSURANCE"),
                    "description", "增加医保合作领域", "reason", "示范区建设方案调整")).send());
            Reply paid = api.post(path + "/payments", object("paymentId", "compensation-2021", "payer", kaizhou.code(),
                    "payee", yunyang.code(), "amount", "1100万元", "paidOn", "2021-09-01",
                    "purpose", "流域横向生态保护补偿资金")).send();
            assertThat(paid.status()).as("%s", paid).isEqualTo(201);
            assertThat(paid.header("Location")).endsWith(path + "#payment-compensation-2021");
            writes.add(paid);
            writes.add(api.post(path + "/termination",
                    object("terminatedOn", "2021-10-01", "reason", "由新一轮合作协议取代")).send());

            assertThat(writes).allSatisfy(w -> assertThat(w.status()).as("%s", w).isIn(200, 201));
            assertThat(writes).allSatisfy(w -> assertThat(w.id()).isEqualTo(id));
            assertThat(writes).allSatisfy(w -> assertThat(w.eTag()).isEqualTo("\"" + w.version() + "\""));
            assertThat(writes.stream().map(Reply::version))
                    .containsExactly(LongStream.rangeClosed(1, writes.size()).boxed().toArray(Long[]::new));

            Reply read = agreement(id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.eTag()).isEqualTo("\"11\"");
            JsonNode state = read.json();
            assertThat(state.path("version").asLong()).isEqualTo(11);
            assertThat(state.path("title").asString()).isEqualTo("万达开川渝统筹发展示范区合作框架协议（修订）");
            assertThat(state.path("kind")).isEqualTo(object("code", "FRAMEWORK", "zh", "框架协议",
                    "en", "framework agreement"));
            assertThat(state.path("status").path("code").asString()).isEqualTo("TERMINATED");
            assertThat(state.path("status").path("zh").asString()).isEqualTo("已终止");
            // in the order they became signatories: kaizhou joined as one before yunyang, an observer, was promoted
            assertThat(TestData.codes(state.path("signatories"))).isEqualTo(strings(wanzhou.code(), dazhou.code(),
                    kaizhou.code(), yunyang.code()));
            // named as the list names them, from the directory the write itself updated: no projection to wait for
            assertThat(state.path("signatories").get(0)).isEqualTo(object("code", wanzhou.code(),
                    "name", wanzhou.nameZh()));
            assertThat(state.path("observers").isEmpty()).isTrue();
            assertThat(state.path("occasion").asString()).isEqualTo(TestData.STATE_ENTERPRISE_OCCASION);
            assertThat(state.path("domains").valueStream().map(d -> d.path("code").asString()))
                    .containsExactly("TRANSPORT", "INDUSTRY", "MEDICAL_INSURANCE");
            assertThat(state.path("itemCounts")).isEqualTo(object("listed", 0, "started", 0, "completed", 1,
                    "dropped", 1, "total", 2));
            JsonNode yibaoItem = state.path("items").get(0);
            assertThat(yibaoItem.path("itemId").asString()).isEqualTo("yibao-1");
            assertThat(yibaoItem.path("responsibleParties")).isEqualTo(strings(wanzhouYibao.code()));
            assertThat(yibaoItem.path("domain").path("zh").asString()).isEqualTo("医保");
            assertThat(yibaoItem.path("status").path("code").asString()).isEqualTo("COMPLETED");
            assertThat(yibaoItem.path("startedOn").asString()).isEqualTo("2021-04-01");
            assertThat(yibaoItem.path("completedOn").asString()).isEqualTo("2021-06-30");
            JsonNode roadItem = state.path("items").get(1);
            assertThat(roadItem.path("status").path("code").asString()).isEqualTo("DROPPED");
            assertThat(roadItem.path("dropReason").asString()).isEqualTo("并入交通专项规划");
            assertThat(state.path("amendments")).containsExactly(object("amendedOn", "2021-08-01",
                    "description", "增加医保合作领域", "reason", "示范区建设方案调整"));
            assertThat(state.path("payments").get(0).path("amount"))
                    .isEqualTo(object("yuan", "11000000", "text", "1100万元"));
            assertThat(state.path("paymentsTotal")).isEqualTo(object("yuan", "11000000", "text", "1100万元"));
            assertThat(state.path("closure").path("on").asString()).isEqualTo("2021-10-01");
            assertThat(state.path("closure").path("reason").asString()).isEqualTo("由新一轮合作协议取代");

            assertRule(api.post(path + "/participants", object("partyCode", wanzhouYibao.code(), "role", "OBSERVER",
                    "joinedOn", "2021-11-01")).send(), 409, "agreement.closed");
            assertRule(api.post(path + "/payments", object("payer", kaizhou.code(), "payee", yunyang.code(),
                    "amount", "100万元", "paidOn", "2021-11-01")).send(), 409, "agreement.closed");
            assertRule(api.post(path + "/expiry", object("expiredOn", "2021-12-31")).send(), 409, "agreement.closed");
            assertThat(agreement(id).json()).isEqualTo(state);
        }

        @Test
        void a_new_agreement_reads_back_as_signed() {
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            register(kaizhou, yunyang);
            ObjectNode signing = TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "生态补偿协议",
                    List.of(kaizhou, yunyang), List.of());

            String id = sign(signing);

            Reply read = agreement(id);
            assertThat(read.eTag()).isEqualTo("\"1\"");
            JsonNode state = read.json();
            assertThat(state.path("id").asString()).isEqualTo(signing.path("id").asString());
            assertThat(state.path("title").asString()).isEqualTo(TestData.KAIZHOU_YUNYANG_COMPENSATION);
            assertThat(state.path("kind").path("code").asString()).isEqualTo("ECOLOGICAL_COMPENSATION");
            assertThat(state.path("status")).isEqualTo(object("code", "IN_FORCE", "zh", "生效中", "en", "in force"));
            assertThat(state.path("signedOn").asString()).isEqualTo("2020-12-08");
            assertThat(state.path("place").asString()).isEqualTo("万州");
            assertThat(state.path("participants").get(0).path("role").path("zh").asString()).isEqualTo("签约方");
            assertThat(state.path("paymentsTotal")).isEqualTo(object("yuan", "0", "text", "0元"));
            assertThat(state.path("items").isEmpty()).isTrue();
            assertThat(state.path("version").asLong()).isEqualTo(1);
        }

        @Test
        void payments_add_up_exactly_in_yuan() {
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            register(kaizhou, yunyang);
            String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "ECOLOGICAL_COMPENSATION",
                    List.of(kaizhou, yunyang), List.of()));
            String payments = "/api/agreements/" + id + "/payments";

            api.post(payments, object("payer", kaizhou.code(), "payee", yunyang.code(), "amount", "1000万元",
                    "paidOn", "2021-06-01")).send();
            Reply last = api.post(payments, object("payer", kaizhou.code(), "payee", yunyang.code(),
                    "amount", new BigDecimal("100000000.01"), "paidOn", "2021-09-01")).send();

            assertThat(last.status()).as("%s", last).isEqualTo(201);
            assertThat(agreement(id).json().path("paymentsTotal"))
                    .isEqualTo(object("yuan", "110000000.01", "text", "1.1000000001亿元"));
        }
    }

    /** Each test starts from a freshly signed framework agreement of Wanzhou and Kaizhou, Yunyang observing. */
    abstract class WithSignedFramework {

        Party wanzhou;
        Party kaizhou;
        Party yunyang;
        String id;
        String path;

        @BeforeEach
        void signTheFrameworkAgreement() {
            wanzhou = TestData.wanzhou();
            kaizhou = TestData.kaizhou();
            yunyang = TestData.yunyang();
            id = signedAgreement(wanzhou, kaizhou, yunyang);
            path = "/api/agreements/" + id;
        }
    }

    @Nested
    class Refusals extends WithSignedFramework {

        @Test
        void malformed_json_is_400_naming_the_body() {
            Reply reply = api.post(path + "/participants", null)
                    .body("{\"partyCode\": \"" + yunyang.code() + "\", ", "application/json").send();

            assertInvalid(reply, 400, "body");
            assertUnchanged();
        }

        @Test
        void an_empty_body_is_400_naming_the_body() {
            Reply reply = api.post(path + "/participants", null).body("", "application/json").send();

            assertInvalid(reply, 400, "body");
            assertUnchanged();
        }

        @Test
        void a_value_of_the_wrong_type_is_400_naming_its_field() {
            ObjectNode signing = TestData.signing(TestData.MEDICAL_INSURANCE_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, kaizhou), List.of()).put("signedOn", "not-a-date");

            Reply reply = api.post("/api/agreements", signing).send();

            assertInvalid(reply, 400, "signedOn");
            assertProblem(agreement(signing.path("id").asString()), 404);
        }

        @Test
        void a_date_of_the_wrong_type_on_an_update_is_400_and_records_nothing() {
            Reply reply = api.post(path + "/participants", object("partyCode", yunyang.code(), "role", "SIGNATORY",
                    "joinedOn", true)).send();

            assertInvalid(reply, 400, "joinedOn");
            assertUnchanged();
        }

        @Test
        void an_unknown_extra_field_is_400_naming_it() {
            Reply reply = api.post(path + "/items", object("itemId", "x-1", "description", "联合招商",
                    "listedOn", "2021-01-05", "priority", "high")).send();

            assertInvalid(reply, 400, "priority");
            assertUnchanged();
        }

        @Test
        void an_unknown_vocabulary_value_is_400_naming_its_field() {
            Reply reply = api.post(path + "/items", object("itemId", "x-1", "description", "联合招商",
                    "domain", "太空", "listedOn", "2021-01-05")).send();

            assertInvalid(reply, 400, "domain");
            assertUnchanged();
        }

        @Test
        void an_amount_that_is_not_money_is_400_naming_the_amount() {
            Reply words = api.post(path + "/payments", object("payer", wanzhou.code(), "payee", kaizhou.code(),
                    "amount", "很多钱", "paidOn", "2021-06-01")).send();
            Reply fractionOfFen = api.post(path + "/payments", object("payer", wanzhou.code(),
                    "payee", kaizhou.code(), "amount", "12.345元", "paidOn", "2021-06-01")).send();

            assertInvalid(words, 400, "amount");
            assertInvalid(fractionOfFen, 400, "amount");
            assertUnchanged();
        }

        @Test
        void bean_validation_names_every_invalid_field() {
            ObjectNode signing = TestData.object("id", "bad id!", "title", " ", "signatories",
                    List.of(wanzhou.code(), ""), "observers", List.of("no/slash"));

            Reply reply = api.post("/api/agreements", signing).send();

            assertInvalid(reply, 400, "id", "title", "kind", "signedOn", "signatories[1]", "observers[0]");
            assertThat(reply.json().path("errors").valueStream().map(e -> e.path("message").asString()))
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }

        @Test
        void bean_validation_on_an_update_records_nothing() {
            Reply reply = api.post(path + "/items/none/complete", object("evidence", "")).send();

            assertInvalid(reply, 400, "completedOn", "evidence");
            assertUnchanged();
        }

        @Test
        void an_unknown_agreement_is_404() {
            String unknown = TestData.unique("agreement");

            assertProblem(agreement(unknown), 404);
            assertProblem(api.post("/api/agreements/" + unknown + "/participants", object("partyCode", yunyang.code(),
                    "role", "SIGNATORY", "joinedOn", "2021-01-05")).send(), 404);
            assertProblem(agreement(unknown), 404);
        }

        @Test
        void a_party_code_is_not_an_agreement_to_read() {
            assertProblem(agreement(wanzhou.code()), 404);
        }

        @Test
        void a_change_to_an_agreement_that_is_really_a_party_is_404() {
            Reply reply = api.post("/api/agreements/" + wanzhou.code() + "/participants",
                    object("partyCode", yunyang.code(), "role", "OBSERVER", "joinedOn", "2021-01-05")).send();

            assertProblem(reply, 404);
            assertThat(api.get("/api/parties/" + wanzhou.code()).send().version()).isEqualTo(1);
        }

        @Test
        void a_value_of_the_wrong_type_is_explained_without_java_internals() {
            ObjectNode signing = TestData.signing(TestData.MEDICAL_INSURANCE_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, kaizhou), List.of()).put("signedOn", "not-a-date");

            Reply reply = api.post("/api/agreements", signing).send();

            assertInvalid(reply, 400, "signedOn");
            assertThat(reply.json().path("detail").asString())
                    .doesNotContain("java.")
                    .doesNotContain("Exception")
                    .doesNotEndWith("…");
        }

        @Test
        void an_item_not_on_the_list_is_404_item_not_listed() {
            Reply reply = api.post(path + "/items/ghost/start", object("startedOn", "2021-01-05")).send();

            assertRule(reply, 404, "item.not-listed");
            assertUnchanged();
        }

        @Test
        void fewer_than_two_signatories_is_409_too_few_signatories() {
            ObjectNode signing = TestData.signing(TestData.MINGYUESHAN_GREEN_BELT, "COOPERATION",
                    List.of(wanzhou), List.of());

            Reply reply = api.post("/api/agreements", signing).send();

            assertRule(reply, 409, "agreement.too-few-signatories");
            assertProblem(agreement(signing.path("id").asString()), 404);
        }

        @Test
        void an_unregistered_party_is_409_party_unknown() {
            Reply reply = api.post(path + "/participants", object("partyCode", TestData.unique("liangping"),
                    "role", "OBSERVER", "joinedOn", "2021-01-05")).send();

            assertRule(reply, 409, "party.unknown");
            assertUnchanged();
        }

        @Test
        void a_payment_by_an_observer_is_409_payment_not_a_signatory() {
            Reply reply = api.post(path + "/payments", object("payer", yunyang.code(), "payee", kaizhou.code(),
                    "amount", "1100万元", "paidOn", "2021-06-01")).send();

            assertRule(reply, 409, "payment.not-a-signatory");
            assertThat(reply.json().path("values").path("field").asString()).isEqualTo("payer");
            assertUnchanged();
        }

        @Test
        void a_business_date_in_the_future_is_409_business_date_in_future() {
            register(wanzhou.yibao());

            Reply reply = api.post(path + "/participants", object("partyCode", wanzhou.yibao().code(),
                    "role", "OBSERVER", "joinedOn", "2999-01-01")).send();

            assertRule(reply, 409, "business-date.in-future");
            assertUnchanged();
        }

        @Test
        void a_stale_if_match_is_412_version_stale() {
            api.post(path + "/items", object("itemId", "x-1", "description", "联合招商", "listedOn", "2021-01-05"))
                    .ifMatch(1).send();
            long version = agreementVersion(id);
            assertThat(version).isEqualTo(2);

            Reply reply = api.post(path + "/items", object("itemId", "x-2", "description", "共建产业园",
                    "listedOn", "2021-01-06")).ifMatch(1).send();

            assertRule(reply, 412, "version.stale");
            assertThat(agreementVersion(id)).isEqualTo(2);
        }

        @Test
        void a_body_that_is_not_json_is_415_problem() {
            Reply reply = api.post(path + "/participants", null)
                    .body("partyCode=" + yunyang.code() + "&role=SIGNATORY", "text/plain").send();

            assertThat(reply.status()).isEqualTo(415);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().path("status").asInt()).isEqualTo(415);
            assertThat(reply.text()).doesNotContain("trace").doesNotContain("Caused by");
            assertUnchanged();
        }

        @Test
        void a_body_that_is_not_json_is_415_with_the_ledgers_problem_type() {
            Reply reply = api.post(path + "/participants", null)
                    .body("partyCode=" + yunyang.code() + "&role=SIGNATORY", "text/plain").send();

            assertProblem(reply, 415);
            assertThat(reply.json().path("type").asString()).isEqualTo("urn:cooperation-ledger:problem:http-415");
        }

        @Test
        void a_closed_agreement_refuses_every_change_with_409_agreement_closed() {
            Reply terminated = api.post(path + "/termination", object("terminatedOn", "2021-01-05",
                    "reason", "示范区调整")).send();
            assertThat(terminated.version()).isEqualTo(2);

            assertRule(api.post(path + "/items", object("itemId", "x-1", "description", "联合招商",
                    "listedOn", "2021-01-05")).send(), 409, "agreement.closed");
            assertRule(api.post(path + "/participants/" + yunyang.code() + "/promotion",
                    object("promotedOn", "2021-01-06")).send(), 409, "agreement.closed");
            assertRule(api.post(path + "/amendments", object("amendedOn", "2021-01-06", "description", "补充",
                    "reason", "补充")).send(), 409, "agreement.closed");
            assertThat(agreementVersion(id)).isEqualTo(2);
        }

        private void assertUnchanged() {
            assertThat(agreementVersion(id)).as("version of %s after the refusal", id).isEqualTo(1);
        }
    }

    @Nested
    class Retries extends WithSignedFramework {

        @Test
        void the_same_request_with_the_same_key_is_answered_from_the_first_and_recorded_once() {
            String key = TestData.unique("key");
            ObjectNode promotion = object("promotedOn", "2021-02-01");

            Reply first = api.post(path + "/participants/" + yunyang.code() + "/promotion", promotion)
                    .idempotencyKey(key).send();
            Reply retry = api.post(path + "/participants/" + yunyang.code() + "/promotion", promotion)
                    .idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(first.json()).isEqualTo(object("id", id, "version", 2, "replayed", false));
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", id, "version", 2, "replayed", true));
            assertThat(retry.eTag()).isEqualTo("\"2\"");
            assertThat(agreementVersion(id)).isEqualTo(2);
        }

        @Test
        void a_retried_payment_is_paid_once() {
            String key = TestData.unique("key");
            ObjectNode payment = object("payer", wanzhou.code(), "payee", kaizhou.code(), "amount", "500万元",
                    "paidOn", "2021-03-01");

            Reply first = api.post(path + "/payments", payment).idempotencyKey(key).send();
            Reply retry = api.post(path + "/payments", payment).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.json().path("replayed").asBoolean()).isTrue();
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            JsonNode state = agreement(id).json();
            assertThat(state.path("payments").size()).isEqualTo(1);
            assertThat(state.path("paymentsTotal").path("text").asString()).isEqualTo("500万元");
            assertThat(state.path("version").asLong()).isEqualTo(2);
        }

        @Test
        void the_same_key_with_a_different_body_is_422_naming_the_key() {
            String key = TestData.unique("key");
            api.post(path + "/items", object("itemId", "x-1", "description", "联合招商", "listedOn", "2021-01-05"))
                    .idempotencyKey(key).send();

            Reply reply = api.post(path + "/items", object("itemId", "x-2", "description", "共建产业园",
                    "listedOn", "2021-01-05")).idempotencyKey(key).send();

            assertInvalid(reply, 422, "Idempotency-Key");
            assertThat(agreementVersion(id)).isEqualTo(2);
            assertThat(agreement(id).json().path("items").size()).isEqualTo(1);
        }

        @Test
        void a_retried_creation_without_id_names_the_same_generated_record() {
            String key = TestData.unique("key");
            ObjectNode signing = TestData.signing(TestData.MEDICAL_INSURANCE_FRAMEWORK, "框架协议",
                    List.of(wanzhou, kaizhou, yunyang), List.of());
            signing.remove("id");

            Reply first = api.post("/api/agreements", signing).idempotencyKey(key).send();
            Reply retry = api.post("/api/agreements", signing).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(first.id()).isNotBlank();
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", first.id(), "version", 1, "replayed", true));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(agreementVersion(first.id())).isEqualTo(1);
            assertThat(agreement(first.id()).json().path("title").asString())
                    .isEqualTo(TestData.MEDICAL_INSURANCE_FRAMEWORK);
        }

        @Test
        void concurrent_retries_of_one_creation_record_it_once() throws Exception {
            String key = TestData.unique("key");
            ObjectNode signing = TestData.signing(TestData.MEDICAL_INSURANCE_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, kaizhou, yunyang), List.of());
            signing.remove("id");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Reply> replies;
            try {
                List<Future<Reply>> sent = clients.invokeAll(Collections.nCopies(4,
                        () -> api.post("/api/agreements", signing).idempotencyKey(key).send()));
                replies = new ArrayList<>();
                for (Future<Reply> reply : sent) {
                    replies.add(reply.get());
                }
            } finally {
                clients.shutdown();
            }

            assertThat(replies).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(200, 201));
            assertThat(replies.stream().map(Reply::id).distinct()).hasSize(1);
            assertThat(replies.stream().filter(r -> !r.json().path("replayed").asBoolean())).hasSize(1);
            assertThat(agreementVersion(replies.get(0).id())).isEqualTo(1);
        }

        @Test
        void creations_without_id_and_without_key_are_different_records() {
            ObjectNode signing = TestData.signing(TestData.MEDICAL_INSURANCE_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, kaizhou), List.of());
            signing.remove("id");

            Reply first = api.post("/api/agreements", signing).send();
            Reply second = api.post("/api/agreements", signing).send();

            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void a_key_whose_request_was_refused_can_be_used_for_the_corrected_request() {
            String key = TestData.unique("key");
            register(wanzhou.yibao());
            Reply refused = api.post(path + "/participants", object("partyCode", TestData.unique("linshui"),
                    "role", "OBSERVER", "joinedOn", "2021-01-05")).idempotencyKey(key).send();
            assertRule(refused, 409, "party.unknown");

            Reply corrected = api.post(path + "/participants", object("partyCode", wanzhou.yibao().code(),
                    "role", "OBSERVER", "joinedOn", "2021-01-05")).idempotencyKey(key).send();

            assertThat(corrected.json()).isEqualTo(object("id", id, "version", 2, "replayed", false));
        }
    }
}
