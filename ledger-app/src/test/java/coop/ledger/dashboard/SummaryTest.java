package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

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
    void a_bad_period_or_date_is_refused_naming_the_parameter() {
        assertInvalid(get("/api/summary?period=week"), 400, "period");
        assertInvalid(get("/api/summary?from=01.01.2021"), 400, "from");
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
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
