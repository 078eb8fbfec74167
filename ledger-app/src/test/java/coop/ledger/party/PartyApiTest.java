package coop.ledger.party;

import coop.ledger.testing.TestUsers;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.Problems.assertRule;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, renaming and reading parties (参与方) over HTTP, and how the API refuses bad writes. */
class PartyApiTest extends LedgerHttpTest {

    @Test
    void registering_a_party_answers_201_with_its_location_version_and_etag() {
        Party wanzhou = TestData.wanzhou();

        Reply reply = api.post("/api/parties", wanzhou.json()).send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).endsWith("/api/parties/" + wanzhou.code());
        assertThat(reply.eTag()).isEqualTo("\"1\"");
        assertThat(reply.json().path("id").asString()).isEqualTo(wanzhou.code());
        assertThat(reply.json().path("version").asLong()).isEqualTo(1);
        assertThat(reply.json().path("replayed").asBoolean()).isFalse();
    }

    @Test
    void a_registered_party_reads_back_with_its_chinese_name_and_labelled_kind() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);

        Reply reply = api.get("/api/parties/" + wanzhou.code()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.eTag()).isEqualTo("\"1\"");
        JsonNode party = reply.json();
        assertThat(party.path("code").asString()).isEqualTo(wanzhou.code());
        assertThat(party.path("nameZh").asString()).isEqualTo("万州区");
        assertThat(party.path("nameEn").asString()).isEqualTo("Wanzhou District");
        assertThat(party.path("kind")).isEqualTo(object("code", "GOVERNMENT", "zh", "政府", "en", "government"));
        assertThat(party.path("formerNames").isEmpty()).isTrue();
        assertThat(party.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_department_is_registered_under_its_government() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);

        Reply reply = api.post("/api/parties", wanzhou.yibao().json()).send();

        assertThat(reply.status()).isEqualTo(201);
        JsonNode department = api.get("/api/parties/" + wanzhou.yibao().code()).send().json();
        assertThat(department.path("nameZh").asString()).isEqualTo("万州区医保局");
        assertThat(department.path("parent").path("code").asString()).isEqualTo(wanzhou.code());
        assertThat(department.path("kind").path("zh").asString()).isEqualTo("部门");
    }

    @Test
    void the_kind_may_be_given_by_its_chinese_label() {
        Party wanzhou = TestData.wanzhou();

        Reply reply = api.post("/api/parties", wanzhou.json().put("kind", "政府")).send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(api.get("/api/parties/" + wanzhou.code()).send().json().path("kind").path("code").asString())
                .isEqualTo("GOVERNMENT");
    }

    @Test
    void renaming_keeps_the_former_name_in_the_history() {
        Party wanxian = new Party(TestData.unique("wanxian"), "万县市", "Wanxian City", "GOVERNMENT", null);
        register(wanxian);

        Reply rename = api.put("/api/parties/" + wanxian.code() + "/name", object("nameZh", "万州区",
                "nameEn", "Wanzhou District", "effectiveOn", "1998-05-22", "reason", "撤销万县市，设立重庆市万州区"))
                .send();

        assertThat(rename.status()).isEqualTo(200);
        assertThat(rename.eTag()).isEqualTo("\"2\"");
        assertThat(rename.json()).isEqualTo(object("id", wanxian.code(), "version", 2, "replayed", false));
        JsonNode party = api.get("/api/parties/" + wanxian.code()).send().json();
        assertThat(party.path("nameZh").asString()).isEqualTo("万州区");
        assertThat(party.path("version").asLong()).isEqualTo(2);
        assertThat(party.path("formerNames")).containsExactly(
                object("nameZh", "万县市", "nameEn", "Wanxian City", "until", "1998-05-22"));
    }

    @Test
    void an_unknown_party_is_404_problem() {
        Reply reply = api.get("/api/parties/" + TestData.unique("nowhere")).send();

        assertProblem(reply, 404);
    }

    @Test
    void renaming_an_unknown_party_is_404_problem() {
        String code = TestData.unique("nowhere");

        Reply reply = api.put("/api/parties/" + code + "/name", object("nameZh", "无名县", "effectiveOn", "2021-01-01"))
                .send();

        assertProblem(reply, 404);
        assertProblem(api.get("/api/parties/" + code).send(), 404);
    }

    @Test
    void renaming_a_record_that_is_really_an_agreement_is_404() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        register(wanzhou, kaizhou);
        String agreementId = sign(TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK",
                List.of(wanzhou, kaizhou), List.of()));

        Reply reply = api.put("/api/parties/" + agreementId + "/name", object("nameZh", "万州区",
                "effectiveOn", "2021-01-05")).send();

        assertProblem(reply, 404);
        assertThat(agreementVersion(agreementId)).isEqualTo(1);
    }

    @Test
    void registering_an_existing_code_again_is_409_record_already_exists() {
        Party kaizhou = TestData.kaizhou();
        register(kaizhou);

        Reply reply = api.post("/api/parties", new Party(kaizhou.code(), "开县", "Kai County", "GOVERNMENT", null)
                .json()).send();

        assertRule(reply, 409, "record.already-exists");
        JsonNode party = api.get("/api/parties/" + kaizhou.code()).send().json();
        assertThat(party.path("nameZh").asString()).isEqualTo("开州区");
        assertThat(party.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void an_unknown_kind_is_400_naming_the_kind_field() {
        Party yunyang = TestData.yunyang();

        Reply reply = api.post("/api/parties", yunyang.json().put("kind", "TOWNSHIP")).send();

        assertInvalid(reply, 400, "kind");
        assertProblem(api.get("/api/parties/" + yunyang.code()).send(), 404);
    }

    @Test
    void a_write_without_a_login_is_401_and_records_nothing() {
        Party yunyang = TestData.yunyang();

        Reply reply = api.post("/api/parties", yunyang.json()).anonymous().send();

        assertProblem(reply, 401);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertProblem(api.get("/api/parties/" + yunyang.code()).send(), 404);
    }

    @Test
    void a_viewer_cannot_record_and_gets_403() {
        Party yunyang = TestData.yunyang();

        Reply reply = api.post("/api/parties", yunyang.json()).as(TestUsers.VIEWER).send();

        assertProblem(reply, 403);
        assertProblem(api.get("/api/parties/" + yunyang.code()).send(), 404);
    }

    @Test
    void wrong_password_is_401() {
        Reply reply = api.get("/api/parties/anything").header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("ndrc-office:wrong".getBytes())).anonymous().send();

        assertProblem(reply, 401);
    }

    @Test
    void a_department_without_parent_is_409_department_needs_parent() {
        Party orphan = new Party(TestData.unique("sifaju"), "司法局", "Justice Bureau", "DEPARTMENT", null);

        Reply reply = api.post("/api/parties", orphan.json()).send();

        assertRule(reply, 409, "party.department-needs-parent");
        assertProblem(api.get("/api/parties/" + orphan.code()).send(), 404);
    }

    @Test
    void a_department_under_an_unregistered_parent_is_409_unknown_parent() {
        Party unregistered = TestData.dazhou();

        Reply reply = api.post("/api/parties", unregistered.yibao().json()).send();

        assertRule(reply, 409, "party.unknown-parent");
    }

    @Test
    void a_rename_with_a_stale_if_match_is_409_and_changes_nothing() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);
        String path = "/api/parties/" + wanzhou.code() + "/name";
        Reply first = api.put(path, object("nameZh", "重庆市万州区", "effectiveOn", "2020-01-01")).ifMatch(1).send();
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode before = api.get("/api/parties/" + wanzhou.code()).send().json();

        Reply stale = api.put(path, object("nameZh", "万州", "effectiveOn", "2021-01-01")).ifMatch(1).send();

        assertRule(stale, 412, "version.stale");
        assertThat(stale.json().path("values").path("actualVersion").asLong()).isEqualTo(2);
        Reply after = api.get("/api/parties/" + wanzhou.code()).send();
        assertThat(after.json()).isEqualTo(before);
        assertThat(after.json().path("nameZh").asString()).isEqualTo("重庆市万州区");
        assertThat(after.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void a_malformed_if_match_is_400_naming_the_header() {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);

        Reply reply = api.put("/api/parties/" + wanzhou.code() + "/name",
                object("nameZh", "重庆市万州区", "effectiveOn", "2020-01-01")).header("If-Match", "version one").send();

        assertInvalid(reply, 400, "If-Match");
        assertThat(api.get("/api/parties/" + wanzhou.code()).send().version()).isEqualTo(1);
    }
}
