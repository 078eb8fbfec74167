package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static coop.ledger.dashboard.ListQueryTest.encode;
import static coop.ledger.dashboard.ListQueryTest.ok;
import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/stats/projects, /api/stats/programmes, /api/stats/agreements and /api/parties/{code}/overview. */
class StatsQueryTest extends DashboardTest {

    private static DashboardScenario s;

    @BeforeEach
    void recordTheScenarioOnce() {
        if (s == null) {
            s = DashboardScenario.record(this);
        }
    }

    @Test
    void projects_by_host_sum_project_counts_and_exact_investment() {
        JsonNode stats = ok(get("/api/stats/projects?groupBy=host&party=" + s.stateEnterprise().code()));

        assertThat(stats.path("groupBy").asString()).isEqualTo("host");
        Map<String, JsonNode> groups = byKey(stats);
        assertThat(groups.keySet()).containsExactly(s.wanzhou().code(), s.yunyang().code());
        JsonNode wanzhou = groups.get(s.wanzhou().code());
        assertThat(wanzhou.path("label")).isEqualTo(object("code", s.wanzhou().code(), "zh", "万州区",
                "en", "Wanzhou District"));
        assertThat(wanzhou.path("projects").asLong()).isEqualTo(43);
        assertThat(wanzhou.path("records").asLong()).isEqualTo(1);
        assertThat(wanzhou.path("agreedInvestment")).isEqualTo(object("yuan", "115300000000", "text", "1153亿元"));
        assertThat(stats.path("total").path("projects").asLong()).isEqualTo(44);
        assertThat(stats.path("total").path("agreedInvestment").path("text").asString()).isEqualTo("1158亿元");
    }

    @Test
    void project_stats_count_live_and_cancelled_projects_apart_and_agreement_stats_ended_ones() {
        JsonNode kaizhou = ok(get("/api/stats/projects?groupBy=domain&party=" + s.kaizhou().code()));
        JsonNode total = kaizhou.path("total");
        // the plant (13.3亿元, under construction) goes ahead; the logistics centre (1亿元) was cancelled
        assertThat(total.path("live").path("projects").asLong()).isEqualTo(1);
        assertThat(total.path("live").path("agreedInvestment").path("text").asString()).isEqualTo("13.3亿元");
        assertThat(total.path("live").path("actualInvestment").path("text").asString()).isEqualTo("2.5亿元");
        assertThat(total.path("cancelled").path("projects").asLong()).isEqualTo(1);
        assertThat(total.path("cancelled").path("agreedInvestment").path("text").asString()).isEqualTo("1亿元");
        assertThat(total.path("projects").asLong()).isEqualTo(2);
        JsonNode logistics = byKey(kaizhou).get("LOGISTICS");
        assertThat(logistics.path("live").path("records").asLong()).isZero();
        assertThat(logistics.path("cancelled").path("records").asLong()).isEqualTo(1);

        JsonNode wanzhou = ok(get("/api/stats/agreements?groupBy=kind&party=" + s.wanzhou().code())).path("total");
        assertThat(wanzhou.path("inForce").asLong()).isEqualTo(1);
        assertThat(wanzhou.path("ended").asLong()).isEqualTo(1);
    }

    @Test
    void projects_by_status_domain_occasion_month_and_year() {
        String kaizhou = "&party=" + s.kaizhou().code();
        Map<String, JsonNode> byStatus = byKey(ok(get("/api/stats/projects?groupBy=status" + kaizhou)));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("UNDER_CONSTRUCTION", "CANCELLED");
        assertThat(byStatus.get("CANCELLED").path("label").path("zh").asString()).isEqualTo("已取消");
        assertThat(byStatus.get("UNDER_CONSTRUCTION").path("actualInvestment").path("text").asString())
                .isEqualTo("2.5亿元");

        assertThat(byKey(ok(get("/api/stats/projects?groupBy=domain" + kaizhou))).keySet())
                .containsExactlyInAnyOrder("INDUSTRY", "LOGISTICS");

        JsonNode byOccasion = ok(get("/api/stats/projects?groupBy=occasion&party=" + s.wanzhou().code()));
        assertThat(byOccasion.path("groups").get(0).path("key").asString()).isEqualTo(s.occasion());
        assertThat(byOccasion.path("groups").get(1).path("key").isNull()).isTrue();
        assertThat(byOccasion.path("groups").get(1).path("label").path("zh").asString()).isEqualTo("未注明");

        JsonNode byMonth = ok(get("/api/stats/projects?groupBy=month&party=" + s.wanzhou().code()));
        assertThat(byKey(byMonth).keySet()).containsExactly("2020-12", "2021-04");
        assertThat(byMonth.path("groups").get(0).path("label").path("zh").asString()).isEqualTo("2020年12月");
        JsonNode byYear = ok(get("/api/stats/projects?groupBy=year&role=INVESTOR&party="
                + s.stateEnterprise().code()));
        assertThat(byKey(byYear).keySet()).containsExactly("2020", "2021");
        assertThat(byKey(byYear).get("2021").path("recordsWithAgreedInvestment").asLong()).isEqualTo(1);
    }

    @Test
    void programmes_by_category_responsible_and_programme() {
        JsonNode byCategory = ok(get("/api/stats/programmes?groupBy=category&programme=" + s.tongban()));
        Map<String, JsonNode> categories = byKey(byCategory);
        assertThat(categories.get("政务服务")).isEqualTo(object("key", "政务服务",
                "label", object("code", "政务服务", "zh", "政务服务", "en", "政务服务"), "planned", 156,
                "addedLater", 19, "total", 175, "completed", 174, "withdrawn", 0, "open", 1,
                "completionRate", 0.9943, "completedOriginal", 155, "completedAddedLater", 19,
                "listSizeUnknown", false));
        assertThat(categories.get("医保").path("withdrawn").asLong()).isEqualTo(1);
        assertThat(categories.get("医保").path("open").asLong()).isEqualTo(1);
        // 158 listed in the original list, one of them withdrawn: planned counts the 157 still on it
        assertThat(byCategory.path("total").path("planned").asLong()).isEqualTo(157);
        assertThat(byCategory.path("total").path("completed").asLong()).isEqualTo(174);

        Map<String, JsonNode> responsible = byKey(ok(get("/api/stats/programmes?groupBy=responsible&programme="
                + s.tongban())));
        assertThat(responsible.get(s.dazhou().code()).path("addedLater").asLong()).isEqualTo(19);
        assertThat(responsible.get(s.wanzhouYibao().code()).path("label").path("zh").asString())
                .isEqualTo("万州区医保局");

        JsonNode byProgramme = ok(get("/api/stats/programmes?groupBy=programme&party=" + s.kaizhou().code()));
        assertThat(byProgramme.path("groups")).hasSize(1);
        assertThat(byProgramme.path("groups").get(0).path("label").path("zh").asString())
                .isEqualTo("万开云同城化便捷服务事项");
        assertThat(byProgramme.path("groups").get(0).path("completionRate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void agreements_by_domain_status_party_and_period() {
        JsonNode byDomain = ok(get("/api/stats/agreements?groupBy=domain&party=" + s.kaizhou().code()));
        assertThat(byKey(byDomain).keySet()).containsExactlyInAnyOrder("INDUSTRY", "TRANSPORT", "ECOLOGY");
        assertThat(byKey(byDomain).get("ECOLOGY").path("label").path("zh").asString()).isEqualTo("生态环境");
        assertThat(byDomain.path("total").path("agreements").asLong()).isEqualTo(2);
        assertThat(byDomain.path("total").path("items")).isEqualTo(object("listed", 1, "started", 1,
                "completed", 1, "dropped", 1, "total", 4, "completionRate", 0.3333));
        assertThat(byDomain.path("total").path("paymentsTotal").path("text").asString()).isEqualTo("1100万元");

        Map<String, JsonNode> byStatus = byKey(ok(get("/api/stats/agreements?groupBy=status&party="
                + s.wanzhou().code())));
        assertThat(byStatus.get("EXPIRED").path("agreements").asLong()).isEqualTo(1);
        assertThat(byStatus.get("IN_FORCE").path("inForce").asLong()).isEqualTo(1);

        assertThat(byKey(ok(get("/api/stats/agreements?groupBy=party&occasion=" + encode(s.occasion())))).keySet())
                .containsExactlyInAnyOrder(s.wanzhou().code(), s.kaizhou().code(), s.yunyang().code());
        assertThat(byKey(ok(get("/api/stats/agreements?groupBy=year&party=" + s.kaizhou().code()))).keySet())
                .containsExactly("2020", "2021");
        assertThat(byKey(ok(get("/api/stats/agreements?groupBy=kind&party=" + s.dazhou().code()))).keySet())
                .containsExactly("MEMORANDUM");
        assertThat(byKey(ok(get("/api/stats/agreements?groupBy=month&party=" + s.dazhou().code()))).keySet())
                .containsExactly("2021-06");
        assertThat(byKey(ok(get("/api/stats/agreements?groupBy=occasion&party=" + s.dazhou().code()))))
                .containsOnlyKeys("null");
    }

    @Test
    void a_party_overview_shows_what_it_signs_hosts_and_is_responsible_for() {
        JsonNode overview = ok(get("/api/parties/" + s.wanzhou().code() + "/overview"));

        assertThat(overview.path("party").path("nameZh").asString()).isEqualTo("万州区");
        assertThat(overview.path("departments").get(0).path("code").asString()).isEqualTo(s.wanzhouYibao().code());
        assertThat(overview.path("signed").path("agreements").asLong()).isEqualTo(2);
        assertThat(overview.path("signed").path("inForce").asLong()).isEqualTo(1);
        assertThat(overview.path("signed").path("latest").get(0).path("id").asString()).isEqualTo(s.memorandum());
        assertThat(overview.path("observes").path("agreements").asLong()).isZero();
        assertThat(overview.path("hosts").path("projects").asLong()).isEqualTo(44);
        assertThat(overview.path("hosts").path("records").asLong()).isEqualTo(2);
        assertThat(overview.path("hosts").path("agreedInvestment"))
                .isEqualTo(object("yuan", "116630000000", "text", "1166.3亿元"));
        assertThat(overview.path("hosts").path("actualInvestment").path("text").asString()).isEqualTo("2.5亿元");
        assertThat(overview.path("investsIn").path("records").asLong()).isZero();
        assertThat(overview.path("responsibleFor").path("cooperationItems").path("total").asLong()).isEqualTo(1);
        assertThat(overview.path("responsibleFor").path("programmeItems").path("planned").asLong()).isEqualTo(156);
        assertThat(overview.path("responsibleFor").path("programmeItems").path("completed").asLong()).isEqualTo(155);

        JsonNode observer = ok(get("/api/parties/" + s.yunyang().code() + "/overview"));
        assertThat(observer.path("observes").path("latest").get(0).path("id").asString()).isEqualTo(s.framework());
        JsonNode investor = ok(get("/api/parties/" + s.stateEnterprise().code() + "/overview"));
        assertThat(investor.path("investsIn").path("projects").asLong()).isEqualTo(44);

        assertProblem(get("/api/parties/nobody-here/overview"), 404);
    }

    @Test
    void a_bad_grouping_or_filter_is_refused_naming_the_parameter() {
        assertInvalid(get("/api/stats/projects"), 400, "groupBy");
        assertInvalid(get("/api/stats/projects?groupBy=weather"), 400, "groupBy");
        assertInvalid(get("/api/stats/projects?groupBy=host&status=DONE"), 400, "status");
        assertInvalid(get("/api/stats/programmes?groupBy=category&status=LOST"), 400, "status");
        assertInvalid(get("/api/stats/agreements?groupBy=kind&to=yesterday"), 400, "to");
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
    }

    private static Map<String, JsonNode> byKey(JsonNode stats) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        stats.path("groups").forEach(g -> groups.put(g.path("key").isNull() ? "null" : g.path("key").asString(), g));
        return groups;
    }
}
