package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

import static coop.ledger.dashboard.ListQueryTest.ok;
import static coop.ledger.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/summary: the scenario moves every headline figure by exactly what it records. */
class SummaryTest extends DashboardTest {

    @Test
    void recording_the_scenario_moves_every_headline_figure_by_what_it_records() {
        awaitProjections();
        JsonNode before = ok(get("/api/summary"));

        DashboardScenario.record(this);
        JsonNode after = ok(get("/api/summary"));

        assertThat(delta(before, after, "parties")).isEqualTo(7);
        assertThat(delta(before, after, "agreements", "total")).isEqualTo(3);
        assertThat(delta(before, after, "agreements", "inForce")).isEqualTo(2);
        assertThat(delta(before, after, "cooperationItems", "total")).isEqualTo(4);
        assertThat(delta(before, after, "cooperationItems", "completed")).isEqualTo(1);
        assertThat(delta(before, after, "projects", "projects")).isEqualTo(46);
        assertThat(delta(before, after, "projects", "records")).isEqualTo(4);
        assertThat(yuanDelta(before, after, "projects", "agreedInvestment")).isEqualByComparingTo("117230000000");
        assertThat(yuanDelta(before, after, "projects", "actualInvestment")).isEqualByComparingTo("250000000");
        // the scenario lists 173 original items and withdraws one: a withdrawn item is no longer planned
        assertThat(delta(before, after, "programmeItems", "planned")).isEqualTo(172);
        assertThat(delta(before, after, "programmeItems", "addedLater")).isEqualTo(19);
        assertThat(delta(before, after, "programmeItems", "completed")).isEqualTo(187);
        assertThat(yuanDelta(before, after, "paymentsTotal")).isEqualByComparingTo("11000000");
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(after.path("lastEventPosition").asLong()).isEqualTo(head);
        assertThat(after.path("lastUpdatedAt").asString()).isNotBlank();
        assertThat(after.path("periods").isNull()).isTrue();
    }

    @Test
    void the_headline_separates_live_from_cancelled_projects_and_agreements_in_force_from_ended_ones() {
        awaitProjections();
        JsonNode before = ok(get("/api/summary"));

        DashboardScenario.record(this);
        JsonNode after = ok(get("/api/summary"));

        // batch (43), plant and resort go ahead; the logistics centre (1亿元) was cancelled
        assertThat(delta(before, after, "projects", "live", "projects")).isEqualTo(45);
        assertThat(delta(before, after, "projects", "live", "records")).isEqualTo(3);
        assertThat(yuanDelta(before, after, "projects", "live", "agreedInvestment"))
                .isEqualByComparingTo("117130000000");
        assertThat(yuanDelta(before, after, "projects", "live", "actualInvestment")).isEqualByComparingTo("250000000");
        assertThat(delta(before, after, "projects", "cancelled", "projects")).isEqualTo(1);
        assertThat(delta(before, after, "projects", "cancelled", "records")).isEqualTo(1);
        assertThat(yuanDelta(before, after, "projects", "cancelled", "agreedInvestment"))
                .isEqualByComparingTo("100000000");
        // the figures of every record stay as they were: live + cancelled
        assertThat(after.path("projects").path("projects").asLong()).isEqualTo(
                after.path("projects").path("live").path("projects").asLong()
                        + after.path("projects").path("cancelled").path("projects").asLong());
        // the memorandum expired
        assertThat(delta(before, after, "agreements", "ended")).isEqualTo(1);
        assertThat(after.path("agreements").path("total").asLong()).isEqualTo(
                after.path("agreements").path("inForce").asLong() + after.path("agreements").path("ended").asLong());
    }

    @Test
    void a_period_breakdown_counts_signings_and_completions_in_their_period() {
        awaitProjections();
        String range = "/api/summary?from=2021-06-01&to=2021-06-30&period=month";
        JsonNode before = ok(get(range));

        DashboardScenario.record(this);
        JsonNode after = ok(get(range));

        assertThat(after.path("from").asString()).isEqualTo("2021-06-01");
        assertThat(after.path("period").asString()).isEqualTo("month");
        assertThat(after.path("periods").valueStream().map(p -> p.path("period").asString())).containsOnly("2021-06");
        JsonNode june = after.path("periods").get(0);
        assertThat(june.path("label").path("zh").asString()).isEqualTo("2021年6月");
        JsonNode juneBefore = before.path("periods").isEmpty() ? null : before.path("periods").get(0);
        // the memorandum was signed and the medical-insurance item completed in June 2021
        assertThat(june.path("agreementsSigned").asLong() - count(juneBefore, "agreementsSigned")).isEqualTo(1);
        assertThat(june.path("cooperationItemsCompleted").asLong() - count(juneBefore, "cooperationItemsCompleted"))
                .isEqualTo(1);
        assertThat(delta(before, after, "agreements", "total")).isEqualTo(1);
        assertThat(delta(before, after, "projects", "records")).isZero();

        JsonNode years = ok(get("/api/summary?period=year"));
        assertThat(years.path("periods").valueStream().map(p -> p.path("period").asString()))
                .contains("2020", "2021");
    }

    @Test
    void a_period_breakdown_counts_cancelled_projects_and_ended_agreements_apart() {
        awaitProjections();
        String range = "/api/summary?from=2021-02-01&to=2021-06-30&period=month";
        JsonNode before = ok(get(range));

        DashboardScenario.record(this);
        JsonNode after = ok(get(range));

        // the logistics centre (1亿元, signed in February 2021) was cancelled; the memorandum of June expired
        JsonNode february = period(after, "2021-02");
        JsonNode februaryBefore = period(before, "2021-02");
        assertThat(count(february.path("cancelledProjects"), "projects")
                - count(februaryBefore == null ? null : februaryBefore.path("cancelledProjects"), "projects"))
                .isEqualTo(1);
        assertThat(yuan(february, "cancelledProjects", "agreedInvestment")
                .subtract(yuan(februaryBefore, "cancelledProjects", "agreedInvestment")))
                .isEqualByComparingTo("100000000");
        assertThat(count(february.path("liveProjects"), "projects")
                - count(februaryBefore == null ? null : februaryBefore.path("liveProjects"), "projects")).isZero();
        JsonNode june = period(after, "2021-06");
        JsonNode juneBefore = period(before, "2021-06");
        assertThat(june.path("agreementsEnded").asLong() - count(juneBefore, "agreementsEnded")).isEqualTo(1);
        assertThat(june.path("agreementsInForce").asLong() - count(juneBefore, "agreementsInForce")).isZero();
        for (JsonNode p : after.path("periods")) {
            assertThat(p.path("agreementsSigned").asLong())
                    .isEqualTo(p.path("agreementsInForce").asLong() + p.path("agreementsEnded").asLong());
            assertThat(p.path("projectsSigned").asLong()).isEqualTo(p.path("liveProjects").path("projects").asLong()
                    + p.path("cancelledProjects").path("projects").asLong());
        }
    }

    @Test
    void a_party_overview_counts_cancelled_projects_and_ended_agreements_apart() {
        DashboardScenario s = DashboardScenario.record(this);

        JsonNode investor = ok(get("/api/parties/" + s.privateEnterprise().code() + "/overview")).path("investsIn");
        JsonNode dazhou = ok(get("/api/parties/" + s.dazhou().code() + "/overview")).path("signed");

        // the private enterprise invests in the plant (13.3亿元, under construction) and the cancelled centre (1亿元)
        assertThat(investor.path("projects").asLong()).isEqualTo(2);
        assertThat(investor.path("live").path("projects").asLong()).isEqualTo(1);
        assertThat(investor.path("live").path("agreedInvestment").path("yuan").asString()).isEqualTo("1330000000");
        assertThat(investor.path("cancelled").path("projects").asLong()).isEqualTo(1);
        assertThat(investor.path("cancelled").path("agreedInvestment").path("yuan").asString())
                .isEqualTo("100000000");
        // 达州 signed only the memorandum, which expired
        assertThat(dazhou.path("agreements").asLong()).isEqualTo(1);
        assertThat(dazhou.path("inForce").asLong()).isZero();
        assertThat(dazhou.path("ended").asLong()).isEqualTo(1);
    }

    @Test
    void a_total_planned_investment_is_shown_under_its_own_name_and_never_added_to_the_agreed_investment() {
        TestData.Party host = new TestData.Party(TestData.unique("edz-host"), "万州经开区", null, "GOVERNMENT", null);
        TestData.Party owner = new TestData.Party(TestData.unique("edz-owner"), "项目业主（来源未列名）", null, "OTHER",
                null);
        register(host, owner);
        awaitProjections();
        JsonNode before = ok(get("/api/summary"));
        String id = TestData.unique("edz-batch");

        Reply signed = api.post("/api/projects", TestData.object("id", id, "name", "万州经开区集中开工项目",
                "investors", List.of(owner.code()), "hostParties", List.of(host.code()), "domain", "INDUSTRY",
                "plannedInvestment", "40.27亿元", "signedOn", "2021-10-17", "projectCount", 11)).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(201);
        awaitProjections();
        JsonNode after = ok(get("/api/summary"));
        JsonNode hosts = ok(get("/api/parties/" + host.code() + "/overview")).path("hosts");
        JsonNode listed = ok(get("/api/projects?party=" + host.code())).path("items").get(0);
        JsonNode stats = ok(get("/api/stats/projects?groupBy=host&party=" + host.code())).path("total");

        assertThat(yuanDelta(before, after, "projects", "plannedInvestment")).isEqualByComparingTo("4027000000");
        assertThat(yuanDelta(before, after, "projects", "live", "plannedInvestment"))
                .isEqualByComparingTo("4027000000");
        assertThat(yuanDelta(before, after, "projects", "agreedInvestment")).isZero();
        assertThat(yuanDelta(before, after, "projects", "live", "agreedInvestment")).isZero();
        assertThat(delta(before, after, "projects", "live", "projects")).isEqualTo(11);
        for (JsonNode figures : List.of(hosts, stats)) {
            assertThat(figures.path("plannedInvestment").path("yuan").asString()).isEqualTo("4027000000");
            assertThat(figures.path("agreedInvestment").path("yuan").asString()).isEqualTo("0");
        }
        assertThat(stats.path("recordsWithPlannedInvestment").asLong()).isEqualTo(1);
        assertThat(stats.path("recordsWithAgreedInvestment").asLong()).isZero();
        assertThat(listed.path("plannedInvestment").path("text").asString()).isEqualTo("40.27亿元");
        assertThat(listed.path("agreedInvestment").isNull()).isTrue();
        JsonNode view = ok(get("/api/projects/" + id));
        assertThat(view.path("plannedInvestment").path("yuan").asString()).isEqualTo("4027000000");
        assertThat(view.path("agreedInvestment").isNull()).isTrue();
    }

    @Test
    void a_planned_investment_of_nothing_is_refused_as_a_rule_naming_it_and_nothing_is_recorded() {
        TestData.Party host = new TestData.Party(TestData.unique("edz-host"), "万州经开区", null, "GOVERNMENT", null);
        register(host);
        String id = TestData.unique("edz-zero");

        Reply refused = api.post("/api/projects", TestData.object("id", id, "name", "零投资项目",
                "investors", List.of(host.code()), "hostParties", List.of(host.code()), "domain", "INDUSTRY",
                "plannedInvestment", "0元", "signedOn", "2021-10-17")).send();

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().toString()).contains("plannedInvestment");
        assertThat(get("/api/projects/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_bad_period_or_date_is_refused_naming_the_parameter() {
        assertInvalid(get("/api/summary?period=week"), 400, "period");
        assertInvalid(get("/api/summary?from=01.01.2021"), 400, "from");
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
    }

    private static JsonNode period(JsonNode summary, String key) {
        return summary.path("periods").valueStream().filter(p -> key.equals(p.path("period").asString()))
                .findFirst().orElse(null);
    }

    private static BigDecimal yuan(JsonNode period, String part, String field) {
        return period == null ? BigDecimal.ZERO : new BigDecimal(period.path(part).path(field).path("yuan").asString());
    }

    private static long count(JsonNode period, String field) {
        return period == null ? 0 : period.path(field).asLong();
    }

    private static long delta(JsonNode before, JsonNode after, String... path) {
        return at(after, path).asLong() - at(before, path).asLong();
    }

    private static BigDecimal yuanDelta(JsonNode before, JsonNode after, String... path) {
        return new BigDecimal(at(after, path).path("yuan").asString())
                .subtract(new BigDecimal(at(before, path).path("yuan").asString()));
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }
}
