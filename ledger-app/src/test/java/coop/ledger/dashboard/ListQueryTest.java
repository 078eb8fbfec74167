package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/agreements, /api/projects, /api/programmes and /api/parties: filters, sorting, paging, bad values. */
class ListQueryTest extends DashboardTest {

    private static DashboardScenario s;

    @BeforeEach
    void recordTheScenarioOnce() {
        if (s == null) {
            s = DashboardScenario.record(this);
        }
    }

    @Test
    void agreements_of_a_party_list_newest_first_with_names_counts_and_payments() {
        JsonNode page = ok(api.get("/api/agreements?party=" + s.wanzhou().code()).as(TestUsers.VIEWER).send());

        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(ids(page)).containsExactly(s.memorandum(), s.framework());
        JsonNode framework = page.path("items").get(1);
        assertThat(framework.path("kind")).isEqualTo(object("code", "FRAMEWORK", "zh", "框架协议",
                "en", "framework agreement"));
        assertThat(framework.path("status").path("code").asString()).isEqualTo("IN_FORCE");
        assertThat(framework.path("signatories").get(0)).isEqualTo(object("code", s.wanzhou().code(), "name", "万州区"));
        // the record itself names its parties in the same shape as its list row
        JsonNode record = ok(get("/api/agreements/" + framework.path("id").asString()));
        assertThat(record.path("signatories")).isEqualTo(framework.path("signatories"));
        assertThat(record.path("observers")).isEqualTo(framework.path("observers"));
        assertThat(framework.path("observers").get(0).path("code").asString()).isEqualTo(s.yunyang().code());
        assertThat(framework.path("domains").valueStream().map(d -> d.path("code").asString()))
                .containsExactly("TRANSPORT", "INDUSTRY");
        assertThat(framework.path("items")).isEqualTo(object("listed", 1, "started", 0, "completed", 1,
                "dropped", 1, "total", 3, "completionRate", 0.5));
        assertThat(framework.path("paymentsTotal")).isEqualTo(object("yuan", "11000000", "text", "1100万元"));
        assertThat(framework.path("occasion").asString()).isEqualTo(s.occasion());
        assertThat(page.path("items").get(0).path("status").path("code").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void agreements_filter_by_domain_kind_status_occasion_and_dates() {
        String party = "party=" + s.kaizhou().code();
        assertThat(ids(ok(get("/api/agreements?" + party + "&domain=生态环境")))).containsExactly(s.compensation());
        assertThat(ids(ok(get("/api/agreements?" + party + "&kind=" + encode("framework agreement")))))
                .containsExactly(s.framework());
        assertThat(ids(ok(get("/api/agreements?party=" + s.dazhou().code() + "&status=EXPIRED"))))
                .containsExactly(s.memorandum());
        assertThat(ids(ok(get("/api/agreements?occasion=" + encode(s.occasion()))))).containsExactly(s.framework());
        assertThat(ids(ok(get("/api/agreements?" + party + "&from=2021-01-01&to=2021-03-01"))))
                .containsExactly(s.compensation());
    }

    @Test
    void agreements_sort_and_page() {
        String party = "party=" + s.kaizhou().code();
        JsonNode first = ok(get("/api/agreements?" + party + "&sort=signedOn,asc&size=1"));
        JsonNode second = ok(get("/api/agreements?" + party + "&sort=signedOn,asc&size=1&page=1"));
        JsonNode third = ok(get("/api/agreements?" + party + "&sort=signedOn,asc&size=1&page=2"));

        assertThat(ids(first)).containsExactly(s.framework());
        assertThat(ids(second)).containsExactly(s.compensation());
        assertThat(third.path("items").isEmpty()).isTrue();
        assertThat(third.path("total").asLong()).isEqualTo(2);
        assertThat(ids(ok(get("/api/agreements?" + party + "&sort=paymentsTotal,desc"))))
                .containsExactly(s.framework(), s.compensation());
    }

    @Test
    void projects_filter_by_party_role_domain_status_and_sort_by_agreed_investment() {
        String host = "party=" + s.wanzhou().code() + "&role=HOST";
        JsonNode page = ok(get("/api/projects?" + host + "&sort=agreedInvestment,desc"));

        assertThat(ids(page)).containsExactly(s.batch(), s.plant());
        JsonNode batch = page.path("items").get(0);
        assertThat(batch.path("projectCount").asInt()).isEqualTo(43);
        assertThat(batch.path("agreedInvestment")).isEqualTo(object("yuan", "115300000000", "text", "1153亿元"));
        assertThat(batch.path("hostParties").get(0).path("name").asString()).isEqualTo("万州区");
        assertThat(batch.path("investors").get(0).path("code").asString()).isEqualTo(s.stateEnterprise().code());
        JsonNode batchRecord = ok(get("/api/projects/" + s.batch()));
        assertThat(batchRecord.path("hostParties")).isEqualTo(batch.path("hostParties"));
        assertThat(batchRecord.path("investors")).isEqualTo(batch.path("investors"));
        assertThat(batch.path("status")).isEqualTo(object("code", "SIGNED", "zh", "已签约", "en", "signed"));
        JsonNode plant = page.path("items").get(1);
        assertThat(plant.path("status").path("code").asString()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(plant.path("actualInvestment")).isEqualTo(object("yuan", "250000000", "text", "2.5亿元"));
        assertThat(plant.path("startedOn").asString()).isEqualTo("2021-05-01");

        String investor = "party=" + s.stateEnterprise().code();
        assertThat(ids(ok(get("/api/projects?" + investor + "&role=INVESTOR&domain=CULTURE_TOURISM"))))
                .containsExactly(s.resort());
        JsonNode resort = ok(get("/api/projects?" + investor + "&status=SIGNED&sort=signedOn,desc"));
        assertThat(ids(resort)).containsExactly(s.resort(), s.batch());
        assertThat(resort.path("items").get(0).path("intention").asBoolean()).isFalse();
        assertThat(resort.path("items").get(0).path("agreedInvestment").path("text").asString()).isEqualTo("5亿元");
        assertThat(ids(ok(get("/api/projects?party=" + s.kaizhou().code() + "&status=已取消"))))
                .containsExactly(s.cancelled());
        assertThat(ids(ok(get("/api/projects?party=" + s.kaizhou().code() + "&from=2021-03-01"))))
                .containsExactly(s.plant());
    }

    @Test
    void programmes_show_planned_and_completed_items_weighted_by_item_count() {
        JsonNode page = ok(get("/api/programmes?party=" + s.wanzhou().code() + "&sort=declaredOn,asc"));

        assertThat(ids(page)).containsExactly(s.tongban(), s.convenience());
        JsonNode tongban = page.path("items").get(0);
        // 158 original items, one withdrawn: planned and total leave the withdrawn one out
        assertThat(tongban.path("items")).isEqualTo(object("planned", 157, "addedLater", 19, "total", 176,
                "completed", 174, "withdrawn", 1, "open", 2, "completionRate", 0.9886, "listSizeUnknown", false));
        assertThat(tongban.path("categories")).hasSize(2);
        assertThat(tongban.path("participants").get(1).path("name").asString()).isEqualTo("达州市");
        assertThat(ok(get("/api/programmes/" + s.tongban())).path("participants"))
                .isEqualTo(tongban.path("participants"));
        assertThat(page.path("items").get(1).path("items").path("completed").asLong()).isEqualTo(13);
        assertThat(ids(ok(get("/api/programmes?party=" + s.wanzhou().code() + "&from=2021-02-01"))))
                .containsExactly(s.convenience());
    }

    @Test
    void parties_filter_by_kind_and_parent() {
        JsonNode departments = ok(get("/api/parties?parent=" + s.wanzhou().code()));
        assertThat(departments.path("items")).hasSize(1);
        assertThat(departments.path("items").get(0).path("code").asString()).isEqualTo(s.wanzhouYibao().code());
        assertThat(departments.path("items").get(0).path("parent"))
                .isEqualTo(object("code", s.wanzhou().code(), "name", "万州区"));
        assertThat(departments.path("items").get(0).path("kind").path("zh").asString()).isEqualTo("部门");
        assertThat(ok(get("/api/parties/" + s.wanzhouYibao().code())).path("parent"))
                .isEqualTo(departments.path("items").get(0).path("parent"));

        // the store is shared with other tests: check the order and kind of one page, not which parties it holds
        JsonNode governments = ok(get("/api/parties?kind=政府&sort=code,desc&size=3"));
        assertThat(governments.path("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(governments.path("size").asInt()).isEqualTo(3);
        assertThat(governments.path("items")).hasSize(3);
        assertThat(governments.path("items").valueStream().map(p -> p.path("kind").path("code").asString()))
                .containsOnly("GOVERNMENT");
        assertThat(ids(governments, "code")).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void a_bad_filter_value_is_refused_naming_the_parameter() {
        assertInvalid(get("/api/agreements?domain=astrology"), 400, "domain");
        assertInvalid(get("/api/agreements?from=2021-13-01"), 400, "from");
        assertInvalid(get("/api/agreements?from=2021-06-01&to=2021-01-01"), 400, "from");
        assertInvalid(get("/api/projects?status=FINISHED"), 400, "status");
        assertInvalid(get("/api/projects?role=OWNER&party=x"), 400, "role");
        assertInvalid(get("/api/projects?sort=price,desc"), 400, "sort");
        assertInvalid(get("/api/programmes?size=500"), 400, "size");
        assertInvalid(get("/api/parties?page=-1"), 400, "page");
        assertInvalid(get("/api/parties?kind=planet"), 400, "kind");
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
    }

    static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    static List<String> ids(JsonNode page) {
        return ids(page, "id");
    }

    static List<String> ids(JsonNode page, String field) {
        return page.path("items").valueStream().map(i -> i.path(field).asString()).toList();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
