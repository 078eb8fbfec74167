package coop.ledger.programme;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static coop.ledger.testing.TestData.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public-service programmes (公共服务/政务服务事项) over HTTP: the life of one programme with its counts, every
 * refusal, and safe retries.
 */
class ProgrammeApiTest extends LedgerHttpTest {

    private static final String WKY_CONVENIENCE = "万开云同城化便捷服务事项";
    private static final String CHUANYU_TONGBAN = "川渝通办";
    private static final String GOV_SERVICES = "政务服务";
    private static final String MEDICAL_INSURANCE = "医保";

    /** A declaration body with a fresh id: the Wan-Kai-Yun programme of 2021, in two categories. */
    private static ObjectNode declaration(String name, List<Party> participants) {
        ObjectNode body = object("id", TestData.unique("programme"), "name", name, "period", "2021",
                "declaredOn", "2021-03-01", "note", "年度便捷服务事项清单");
        body.set("participants", TestData.codes(participants));
        body.set("categories", strings(GOV_SERVICES, MEDICAL_INSURANCE));
        return body;
    }

    private String declare(ObjectNode declaration) {
        Reply reply = api.post("/api/programmes", declaration).send();
        assertThat(reply.status()).as("declaring: %s", reply).isEqualTo(201);
        return reply.id();
    }

    private Reply programme(String id) {
        return api.get("/api/programmes/" + id).send();
    }

    private long programmeVersion(String id) {
        Reply reply = programme(id);
        assertThat(reply.status()).as("reading programme %s: %s", id, reply).isEqualTo(200);
        return reply.version();
    }

    private static ObjectNode counts(int planned, int addedLater, int completed, int completedOriginal,
                                     int completedAddedLater, int withdrawn, int open) {
        return object("planned", planned, "addedLater", addedLater, "completed", completed,
                "completedOriginal", completedOriginal, "completedAddedLater", completedAddedLater,
                "withdrawn", withdrawn, "open", open, "ofListsOfUnknownSize", 0);
    }

    @Nested
    class Lifecycle {

        @Test
        void a_programme_is_declared_its_items_listed_completed_withdrawn_and_reopened_and_counted() {
            Party wanzhou = TestData.wanzhou();
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            Party kaizhouYibao = kaizhou.yibao();
            register(wanzhou, kaizhou, yunyang, kaizhouYibao);
            ObjectNode declaration = declaration(CHUANYU_TONGBAN, List.of(wanzhou, kaizhou, yunyang));
            declaration.put("period", "2020-2021");
            String id = declaration.path("id").asString();
            String path = "/api/programmes/" + id;
            List<Reply> writes = new ArrayList<>();

            Reply declared = api.post("/api/programmes", declaration).send();
            assertThat(declared.status()).as("%s", declared).isEqualTo(201);
            assertThat(declared.header("Location")).endsWith(path);
            assertThat(declared.json()).isEqualTo(object("id", id, "version", 1, "replayed", false));
            writes.add(declared);
            Reply listed = api.post(path + "/items", object("itemId", "tongban-first", "name", "川渝通办首批事项",
                    "category", GOV_SERVICES, "responsibleParties", List.of(wanzhou.code(), kaizhou.code()),
                    "targetOn", "2021-12-31", "itemCount", 155, "listedOn", "2021-03-01",
                    "note", "来源只报告总数")).send();
            assertThat(listed.status()).as("%s", listed).isEqualTo(201);
            assertThat(listed.header("Location")).endsWith(path + "#item-tongban-first");
            writes.add(listed);
            writes.add(api.post(path + "/items", object("itemId", "tongban-added", "name", "清单外新增通办事项",
                    "category", "政务服务", "responsibleParties", List.of(kaizhou.code()), "addedLater", true,
                    "itemCount", 19, "listedOn", "2021-06-01")).send());
            writes.add(api.post(path + "/items", object("itemId", "yibao-transfer", "name", "医保关系转移接续",
                    "category", MEDICAL_INSURANCE, "responsibleParties", List.of(kaizhouYibao.code()),
                    "listedOn", "2021-03-15")).send());
            writes.add(api.post(path + "/items", object("itemId", "hukou", "name", "户口迁移", "category", GOV_SERVICES,
                    "listedOn", "2021-03-15")).send());
            writes.add(api.post(path + "/items/tongban-first/complete",
                    object("completedOn", "2021-12-20", "evidence", "川渝通办155项事项全部实现")).send());
            writes.add(api.post(path + "/items/tongban-added/complete",
                    object("completedOn", "2021-12-20", "evidence", "清单外19项事项已实现通办")).send());
            writes.add(api.post(path + "/items/yibao-transfer/complete",
                    object("completedOn", "2021-09-30", "evidence", "开州区医保局窗口可办理")).send());
            writes.add(api.post(path + "/items/yibao-transfer/reopen",
                    object("reopenedOn", "2021-10-08", "reason", "误记为完成：云阳县尚未上线")).send());
            writes.add(api.post(path + "/items/hukou/withdraw",
                    object("withdrawnOn", "2021-11-01", "reason", "并入全国通办清单")).send());

            assertThat(writes).allSatisfy(w -> assertThat(w.status()).as("%s", w).isIn(200, 201));
            assertThat(writes).allSatisfy(w -> assertThat(w.id()).isEqualTo(id));
            assertThat(writes).allSatisfy(w -> assertThat(w.eTag()).isEqualTo("\"" + w.version() + "\""));
            assertThat(writes.stream().map(Reply::version))
                    .containsExactly(LongStream.rangeClosed(1, writes.size()).boxed().toArray(Long[]::new));

            Reply read = programme(id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.eTag()).isEqualTo("\"10\"");
            JsonNode state = read.json();
            assertThat(state.path("version").asLong()).isEqualTo(10);
            assertThat(state.path("name").asString()).isEqualTo(CHUANYU_TONGBAN);
            assertThat(state.path("period").asString()).isEqualTo("2020-2021");
            assertThat(TestData.codes(state.path("participants"))).isEqualTo(strings(wanzhou.code(), kaizhou.code(),
                    yunyang.code()));
            assertThat(state.path("categories")).isEqualTo(strings(GOV_SERVICES, MEDICAL_INSURANCE));
            assertThat(state.path("declaredOn").asString()).isEqualTo("2021-03-01");
            assertThat(state.path("counts")).isEqualTo(counts(156, 19, 174, 155, 19, 1, 1));
            assertThat(state.path("countsByCategory")).containsExactly(
                    object("category", GOV_SERVICES, "counts", counts(155, 19, 174, 155, 19, 1, 0)),
                    object("category", MEDICAL_INSURANCE, "counts", counts(1, 0, 0, 0, 0, 0, 1)));
            assertThat(state.path("countsByResponsibleParty")).containsExactly(
                    object("partyCode", wanzhou.code(), "counts", counts(155, 0, 155, 155, 0, 0, 0)),
                    object("partyCode", kaizhou.code(), "counts", counts(155, 19, 174, 155, 19, 0, 0)),
                    object("partyCode", kaizhouYibao.code(), "counts", counts(1, 0, 0, 0, 0, 0, 1)));
            JsonNode batch = state.path("items").get(0);
            assertThat(batch.path("itemId").asString()).isEqualTo("tongban-first");
            assertThat(batch.path("itemCount").asInt()).isEqualTo(155);
            assertThat(batch.path("addedLater").asBoolean()).isFalse();
            assertThat(batch.path("note").asString()).isEqualTo("来源只报告总数");
            assertThat(batch.path("status")).isEqualTo(object("code", "COMPLETED", "zh", "已完成", "en", "completed"));
            assertThat(batch.path("evidence").asString()).isEqualTo("川渝通办155项事项全部实现");
            assertThat(state.path("items").get(1).path("addedLater").asBoolean()).isTrue();
            JsonNode reopened = state.path("items").get(2);
            assertThat(reopened.path("status").path("zh").asString()).isEqualTo("未完成");
            assertThat(reopened.path("itemCount").asInt()).as("a left-out count is one item").isEqualTo(1);
            assertThat(reopened.path("completedOn").isNull()).isTrue();
            assertThat(reopened.path("reopenedOn").asString()).isEqualTo("2021-10-08");
            assertThat(reopened.path("reopenReason").asString()).isEqualTo("误记为完成：云阳县尚未上线");
            JsonNode withdrawn = state.path("items").get(3);
            assertThat(withdrawn.path("status").path("zh").asString()).isEqualTo("已撤回");
            assertThat(withdrawn.path("withdrawReason").asString()).isEqualTo("并入全国通办清单");

            assertRule(api.post(path + "/items/hukou/complete", object("completedOn", "2021-12-01",
                    "evidence", "已办结")).send(), 409, "item.withdrawn");
            assertThat(programme(id).json()).isEqualTo(state);
        }

        @Test
        void a_new_programme_reads_back_as_declared_with_every_category_counted_at_zero() {
            Party wanzhou = TestData.wanzhou();
            Party kaizhou = TestData.kaizhou();
            Party yunyang = TestData.yunyang();
            register(wanzhou, kaizhou, yunyang);
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou, kaizhou, yunyang));

            String id = declare(declaration);

            Reply read = programme(id);
            assertThat(read.eTag()).isEqualTo("\"1\"");
            JsonNode state = read.json();
            assertThat(state.path("id").asString()).isEqualTo(declaration.path("id").asString());
            assertThat(state.path("name").asString()).isEqualTo(WKY_CONVENIENCE);
            assertThat(state.path("period").asString()).isEqualTo("2021");
            assertThat(state.path("note").asString()).isEqualTo("年度便捷服务事项清单");
            assertThat(state.path("counts")).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0));
            assertThat(state.path("countsByCategory").valueStream().map(c -> c.path("category").asString()))
                    .containsExactly(GOV_SERVICES, MEDICAL_INSURANCE);
            assertThat(state.path("countsByResponsibleParty").isEmpty()).isTrue();
            assertThat(state.path("items").isEmpty()).isTrue();
            assertThat(state.path("version").asLong()).isEqualTo(1);
        }

        @Test
        void a_programme_without_categories_takes_items_in_any_category() {
            Party wanzhou = TestData.wanzhou();
            register(wanzhou);
            ObjectNode declaration = declaration("万州区便民服务事项", List.of(wanzhou));
            declaration.remove("categories");
            String id = declare(declaration);

            Reply listed = api.post("/api/programmes/" + id + "/items", object("name", "社保卡补换",
                    "category", "社保", "responsibleParties", List.of(wanzhou.code()), "listedOn", "2021-04-01"))
                    .send();

            assertThat(listed.status()).as("%s", listed).isEqualTo(201);
            JsonNode state = programme(id).json();
            assertThat(state.path("categories").isEmpty()).isTrue();
            assertThat(state.path("items").get(0).path("itemId").asString()).isNotBlank();
            assertThat(state.path("countsByCategory")).containsExactly(
                    object("category", "社保", "counts", counts(1, 0, 0, 0, 0, 0, 1)));
        }
    }

    /** Each test starts from a freshly declared Wan-Kai-Yun programme with one open item. */
    abstract class WithDeclaredProgramme {

        Party wanzhou;
        Party kaizhou;
        Party yunyang;
        String id;
        String path;

        @BeforeEach
        void declareTheProgramme() {
            wanzhou = TestData.wanzhou();
            kaizhou = TestData.kaizhou();
            yunyang = TestData.yunyang();
            register(wanzhou, kaizhou, yunyang);
            id = declare(declaration(WKY_CONVENIENCE, List.of(wanzhou, kaizhou, yunyang)));
            path = "/api/programmes/" + id;
            Reply listed = api.post(path + "/items", object("itemId", "hukou", "name", "户口迁移",
                    "category", GOV_SERVICES, "responsibleParties", List.of(wanzhou.code()),
                    "listedOn", "2021-03-15")).send();
            assertThat(listed.status()).as("listing: %s", listed).isEqualTo(201);
        }

        void assertUnchanged() {
            assertThat(programmeVersion(id)).as("version of %s after the refusal", id).isEqualTo(2);
        }
    }

    @Nested
    class Refusals extends WithDeclaredProgramme {

        @Test
        void malformed_json_is_400_naming_the_body() {
            Reply reply = api.post(path + "/items", null)
                    .body("{\"name\": \"社保卡补换\", ", "application/json").send();

            assertInvalid(reply, 400, "body");
            assertUnchanged();
        }

        @Test
        void a_date_of_the_wrong_type_is_400_naming_its_field() {
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou)).put("declaredOn", "2021年3月1日");

            Reply reply = api.post("/api/programmes", declaration).send();

            assertInvalid(reply, 400, "declaredOn");
            assertProblem(programme(declaration.path("id").asString()), 404);
        }

        @Test
        void an_item_count_that_is_not_a_number_is_400_naming_it() {
            Reply reply = api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "itemCount", "一百五十五", "listedOn", "2021-04-01")).send();

            assertInvalid(reply, 400, "itemCount");
            assertUnchanged();
        }

        @Test
        void an_unknown_extra_field_is_400_naming_it() {
            Reply reply = api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "listedOn", "2021-04-01", "priority", "high")).send();

            assertInvalid(reply, 400, "priority");
            assertUnchanged();
        }

        @Test
        void bean_validation_names_every_missing_or_invalid_field() {
            Reply reply = api.post("/api/programmes", object("id", "bad id!", "name", " ",
                    "participants", List.of(wanzhou.code(), ""), "categories", List.of(" "))).send();

            assertInvalid(reply, 400, "id", "name", "participants[1]", "period", "declaredOn", "categories[0]");
        }

        @Test
        void a_period_that_is_not_a_year_or_span_is_400_naming_the_period() {
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou)).put("period", "2021年度");

            Reply reply = api.post("/api/programmes", declaration).send();

            assertInvalid(reply, 400, "period");
            assertProblem(programme(declaration.path("id").asString()), 404);
        }

        @Test
        void a_span_that_ends_before_it_starts_is_409_programme_period_format() {
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou)).put("period", "2022-2020");

            Reply reply = api.post("/api/programmes", declaration).send();

            assertRule(reply, 409, "programme.period-format");
            assertProblem(programme(declaration.path("id").asString()), 404);
        }

        @Test
        void bean_validation_on_an_update_records_nothing() {
            Reply reply = api.post(path + "/items/hukou/complete", object("evidence", "")).send();

            assertInvalid(reply, 400, "completedOn", "evidence");
            assertUnchanged();
        }

        @Test
        void a_withdrawal_without_a_reason_is_400_naming_the_reason() {
            Reply reply = api.post(path + "/items/hukou/withdraw", object("withdrawnOn", "2021-05-01")).send();

            assertInvalid(reply, 400, "reason");
            assertUnchanged();
        }

        @Test
        void an_unknown_programme_is_404() {
            String unknown = TestData.unique("programme");

            assertProblem(programme(unknown), 404);
            assertProblem(api.post("/api/programmes/" + unknown + "/items", object("name", "社保卡补换",
                    "listedOn", "2021-04-01")).send(), 404);
            assertProblem(api.post("/api/programmes/" + unknown + "/items/hukou/complete",
                    object("completedOn", "2021-04-01", "evidence", "已办结")).send(), 404);
            assertProblem(programme(unknown), 404);
        }

        @Test
        void a_party_code_is_not_a_programme() {
            assertProblem(programme(wanzhou.code()), 404);
            assertProblem(api.post("/api/programmes/" + wanzhou.code() + "/items", object("name", "社保卡补换",
                    "listedOn", "2021-04-01")).send(), 404);
            assertThat(api.get("/api/parties/" + wanzhou.code()).send().version()).isEqualTo(1);
        }

        @Test
        void an_item_not_on_the_list_is_404_item_not_listed() {
            assertRule(api.post(path + "/items/ghost/complete", object("completedOn", "2021-05-01",
                    "evidence", "已办结")).send(), 404, "item.not-listed");
            assertRule(api.post(path + "/items/ghost/withdraw", object("withdrawnOn", "2021-05-01",
                    "reason", "撤回")).send(), 404, "item.not-listed");
            assertRule(api.post(path + "/items/ghost/reopen", object("reopenedOn", "2021-05-01",
                    "reason", "误记")).send(), 404, "item.not-listed");
            assertUnchanged();
        }

        @Test
        void a_taken_programme_id_is_409_record_already_exists() {
            ObjectNode again = declaration(WKY_CONVENIENCE, List.of(wanzhou)).put("id", id);

            assertRule(api.post("/api/programmes", again).send(), 409, "record.already-exists");
            assertUnchanged();
        }

        @Test
        void an_unregistered_participant_is_409_party_unknown() {
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou));
            declaration.set("participants", strings(wanzhou.code(), TestData.unique("linshui")));

            assertRule(api.post("/api/programmes", declaration).send(), 409, "party.unknown");
            assertProblem(programme(declaration.path("id").asString()), 404);
        }

        @Test
        void a_category_the_programme_does_not_declare_is_409_item_unknown_category() {
            Reply reply = api.post(path + "/items", object("name", "公交卡互通", "category", "交通",
                    "listedOn", "2021-04-01")).send();

            assertRule(reply, 409, "item.unknown-category");
            assertThat(reply.json().path("values").path("category").asString()).isEqualTo("交通");
            assertUnchanged();
        }

        @Test
        void a_count_of_no_items_is_409_item_count_not_positive() {
            assertRule(api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "itemCount", 0, "listedOn", "2021-04-01")).send(), 409, "item.count-not-positive");
            assertUnchanged();
        }

        @Test
        void a_responsible_party_outside_the_programme_is_409_item_responsible_not_party() {
            Party dazhou = TestData.dazhou();
            register(dazhou);

            assertRule(api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "responsibleParties", List.of(dazhou.code()), "listedOn", "2021-04-01")).send(),
                    409, "item.responsible-not-party");
            assertUnchanged();
        }

        @Test
        void a_target_before_the_listing_is_409_item_target_before_listed() {
            assertRule(api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "listedOn", "2021-04-01", "targetOn", "2021-03-31")).send(), 409, "item.target-before-listed");
            assertUnchanged();
        }

        @Test
        void a_listing_before_the_declaration_is_409_business_date_before_declaration() {
            assertRule(api.post(path + "/items", object("name", "社保卡补换", "category", GOV_SERVICES,
                    "listedOn", "2021-02-28")).send(), 409, "business-date.before-declaration");
            assertUnchanged();
        }

        @Test
        void a_business_date_in_the_future_is_409_business_date_in_future() {
            assertRule(api.post(path + "/items/hukou/complete", object("completedOn", "2999-01-01",
                    "evidence", "已办结")).send(), 409, "business-date.in-future");
            assertUnchanged();
        }

        @Test
        void reopening_an_open_item_is_409_item_not_completed() {
            assertRule(api.post(path + "/items/hukou/reopen", object("reopenedOn", "2021-05-01",
                    "reason", "误记")).send(), 409, "item.not-completed");
            assertUnchanged();
        }

        @Test
        void completing_twice_is_409_item_already_completed() {
            Reply first = api.post(path + "/items/hukou/complete", object("completedOn", "2021-05-01",
                    "evidence", "已办结")).send();
            assertThat(first.version()).isEqualTo(3);

            assertRule(api.post(path + "/items/hukou/complete", object("completedOn", "2021-05-02",
                    "evidence", "已办结")).send(), 409, "item.already-completed");
            assertThat(programmeVersion(id)).isEqualTo(3);
        }

        @Test
        void withdrawing_twice_is_409_item_withdrawn() {
            Reply first = api.post(path + "/items/hukou/withdraw", object("withdrawnOn", "2021-05-01",
                    "reason", "并入全国通办清单")).send();
            assertThat(first.version()).isEqualTo(3);

            assertRule(api.post(path + "/items/hukou/withdraw", object("withdrawnOn", "2021-05-02",
                    "reason", "并入全国通办清单")).send(), 409, "item.withdrawn");
            assertThat(programmeVersion(id)).isEqualTo(3);
        }

        @Test
        void a_stale_if_match_is_412_version_stale() {
            Reply reply = api.post(path + "/items/hukou/complete", object("completedOn", "2021-05-01",
                    "evidence", "已办结")).ifMatch(1).send();

            assertRule(reply, 412, "version.stale");
            assertThat(reply.json().path("values").path("actualVersion").asLong()).isEqualTo(2);
            assertUnchanged();
        }

        @Test
        void the_current_if_match_is_accepted() {
            Reply reply = api.post(path + "/items/hukou/complete", object("completedOn", "2021-05-01",
                    "evidence", "已办结")).ifMatch(2).send();

            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.eTag()).isEqualTo("\"3\"");
        }
    }

    @Nested
    class Retries extends WithDeclaredProgramme {

        @Test
        void the_same_completion_with_the_same_key_is_answered_from_the_first_and_recorded_once() {
            String key = TestData.unique("key");
            ObjectNode completion = object("completedOn", "2021-05-01", "evidence", "三地窗口均可办理");

            Reply first = api.post(path + "/items/hukou/complete", completion).idempotencyKey(key).send();
            Reply retry = api.post(path + "/items/hukou/complete", completion).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(first.json()).isEqualTo(object("id", id, "version", 3, "replayed", false));
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", id, "version", 3, "replayed", true));
            assertThat(retry.eTag()).isEqualTo("\"3\"");
            assertThat(programmeVersion(id)).isEqualTo(3);
        }

        @Test
        void a_retried_listing_without_item_id_lists_one_item() {
            String key = TestData.unique("key");
            ObjectNode listing = object("name", "社保卡补换", "category", GOV_SERVICES, "itemCount", 3,
                    "listedOn", "2021-04-01");

            Reply first = api.post(path + "/items", listing).idempotencyKey(key).send();
            Reply retry = api.post(path + "/items", listing).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json().path("replayed").asBoolean()).isTrue();
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            JsonNode state = programme(id).json();
            assertThat(state.path("items").size()).isEqualTo(2);
            assertThat(state.path("counts").path("planned").asLong()).isEqualTo(4);
            assertThat(state.path("version").asLong()).isEqualTo(3);
        }

        @Test
        void a_retried_declaration_without_id_names_the_same_generated_programme() {
            String key = TestData.unique("key");
            ObjectNode declaration = declaration(WKY_CONVENIENCE, List.of(wanzhou, kaizhou, yunyang));
            declaration.remove("id");

            Reply first = api.post("/api/programmes", declaration).idempotencyKey(key).send();
            Reply retry = api.post("/api/programmes", declaration).idempotencyKey(key).send();

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(first.id()).isNotBlank();
            assertThat(retry.status()).as("%s", retry).isEqualTo(200);
            assertThat(retry.json()).isEqualTo(object("id", first.id(), "version", 1, "replayed", true));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(programmeVersion(first.id())).isEqualTo(1);
        }

        @Test
        void the_same_key_with_a_different_body_is_422_naming_the_key() {
            String key = TestData.unique("key");
            api.post(path + "/items/hukou/complete", object("completedOn", "2021-05-01", "evidence", "已办结"))
                    .idempotencyKey(key).send();

            Reply reply = api.post(path + "/items/hukou/withdraw", object("withdrawnOn", "2021-05-02",
                    "reason", "撤回")).idempotencyKey(key).send();

            assertInvalid(reply, 422, "Idempotency-Key");
            assertThat(programmeVersion(id)).isEqualTo(3);
        }
    }
}
