package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static coop.ledger.dashboard.ListQueryTest.ids;
import static coop.ledger.dashboard.ListQueryTest.ok;
import static coop.ledger.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** The query parameters every read endpoint shares: filters of several values, and refusals that name them. */
class QueryParameterTest extends DashboardTest {

    private static DashboardScenario s;

    @BeforeEach
    void recordTheScenarioOnce() {
        if (s == null) {
            s = DashboardScenario.record(this);
        }
    }

    @Test
    void a_vocabulary_filter_takes_several_values_comma_separated_or_repeated() {
        String kaizhou = "party=" + s.kaizhou().code();
        assertThat(ids(ok(get("/api/projects?" + kaizhou + "&status=UNDER_CONSTRUCTION,CANCELLED&sort=id"))))
                .containsExactlyInAnyOrder(s.plant(), s.cancelled());
        assertThat(ids(ok(get("/api/projects?" + kaizhou + "&status=UNDER_CONSTRUCTION&status=已取消"))))
                .containsExactlyInAnyOrder(s.plant(), s.cancelled());
        assertThat(ids(ok(get("/api/projects?" + kaizhou + "&status=SIGNED,IN_OPERATION")))).isEmpty();
        assertThat(ids(ok(get("/api/projects?party=" + s.stateEnterprise().code() + "&role=HOST,INVESTOR"
                + "&domain=INDUSTRY,CULTURE_TOURISM")))).containsExactlyInAnyOrder(s.batch(), s.resort());
        assertThat(ids(ok(get("/api/agreements?" + kaizhou + "&domain=ECOLOGY&domain=TRANSPORT"))))
                .containsExactlyInAnyOrder(s.framework(), s.compensation());
        assertThat(ids(ok(get("/api/agreements?party=" + s.dazhou().code() + "&status=IN_FORCE,EXPIRED"
                + "&kind=MEMORANDUM,FRAMEWORK")))).containsExactly(s.memorandum());
        JsonNode parties = ok(get("/api/parties?kind=GOVERNMENT,DEPARTMENT&size=200"));
        assertThat(parties.path("items").valueStream().map(p -> p.path("kind").path("code").asString()))
                .contains("GOVERNMENT", "DEPARTMENT").containsOnly("GOVERNMENT", "DEPARTMENT");
    }

    @Test
    void the_statistics_filters_take_several_values_too() {
        String kaizhou = "&party=" + s.kaizhou().code();
        JsonNode projects = ok(get("/api/stats/projects?groupBy=status" + kaizhou
                + "&status=UNDER_CONSTRUCTION,CANCELLED"));
        assertThat(projects.path("total").path("records").asLong()).isEqualTo(2);
        JsonNode agreements = ok(get("/api/stats/agreements?groupBy=kind" + kaizhou + "&kind=FRAMEWORK"
                + "&kind=ECOLOGICAL_COMPENSATION,MEMORANDUM"));
        assertThat(agreements.path("total").path("agreements").asLong()).isEqualTo(2);
        JsonNode items = ok(get("/api/stats/programmes?groupBy=programme&programme=" + s.tongban()
                + "&status=COMPLETED,WITHDRAWN"));
        JsonNode completedOnly = ok(get("/api/stats/programmes?groupBy=programme&programme=" + s.tongban()
                + "&status=COMPLETED"));
        assertThat(items.path("total").path("withdrawn").asLong()).isPositive();
        assertThat(items.path("total").path("completed")).isEqualTo(completedOnly.path("total").path("completed"));
    }

    @Test
    void one_bad_value_among_several_is_refused_naming_the_parameter() {
        assertInvalid(get("/api/projects?status=SIGNED,FINISHED"), 400, "status");
        assertInvalid(get("/api/agreements?kind=FRAMEWORK&kind=poem"), 400, "kind");
        assertInvalid(get("/api/stats/projects?groupBy=host&role=HOST,OWNER&party=x"), 400, "role");
    }

    @Test
    void an_unknown_query_parameter_is_refused_naming_it() {
        assertInvalid(get("/api/projects?statuss=CANCELLED"), 400, "statuss");
        assertInvalid(get("/api/agreements?party=" + s.kaizhou().code() + "&limit=5"), 400, "limit");
        assertInvalid(get("/api/programmes?status=OPEN"), 400, "status");
        assertInvalid(get("/api/parties?role=HOST"), 400, "role");
        assertInvalid(get("/api/parties/" + s.kaizhou().code() + "/overview?from=2021-01-01"), 400, "from");
        assertInvalid(get("/api/summary?at=2021-01-01"), 400, "at");
        assertInvalid(get("/api/stats/projects?groupBy=host&kind=FRAMEWORK"), 400, "kind");
        assertInvalid(get("/api/stats/agreements?groupBy=kind&role=HOST"), 400, "role");
        assertInvalid(get("/api/stats/programmes?groupBy=category&domain=ECOLOGY"), 400, "domain");
        assertInvalid(audit("/api/audit/summary?at=2021-01-01T00:00:00Z"), 400, "at");
        assertInvalid(audit("/api/audit/records/" + s.framework() + "/history?formatt=csv"), 400, "formatt");
        assertInvalid(get("/api/projects?statuss=CANCELLED&limit=5&status=SIGNED"), 400, "statuss", "limit");
        Reply refused = get("/api/projects?statuss=CANCELLED");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:cooperation-ledger:problem:invalid-request");
        assertThat(refused.json().path("detail").asString()).contains("statuss", "status");
    }

    @Test
    void the_parameters_an_endpoint_takes_are_accepted_paging_and_sorting_included() {
        ok(get("/api/projects?party=" + s.kaizhou().code() + "&role=HOST&domain=INDUSTRY&status=SIGNED"
                + "&occasion=x&from=2020-01-01&to=2021-12-31&sort=name,asc&page=0&size=5"));
        ok(get("/api/summary?from=2020-01-01&to=2021-12-31&period=year"));
        ok(audit("/api/audit/summary?recordedAt=2021-01-01T00:00:00Z"));
    }

    @Test
    void a_recorded_at_instant_without_its_offset_is_refused_naming_the_parameter() {
        for (String path : new String[] {"/api/audit/summary?recordedAt=2021-06-01T12:00:00",
                "/api/audit/records/" + s.framework() + "/as-of?recordedAt=2021-06-01T12:00:00",
                "/api/audit/records/" + s.framework() + "/diff?fromTime=yesterday"}) {
            Reply refused = assertInvalid(audit(path), 400, path.contains("fromTime") ? "fromTime" : "recordedAt");
            assertThat(refused.json().path("type").asString())
                    .isEqualTo("urn:cooperation-ledger:problem:invalid-request");
            assertThat(refused.json().path("detail").asString()).contains("offset");
        }
        assertInvalid(audit("/api/audit/records/" + s.framework() + "/diff?from=first"), 400, "from");
    }

    @Test
    void a_required_group_by_left_out_is_refused_naming_it() {
        assertInvalid(get("/api/stats/projects"), 400, "groupBy");
        assertInvalid(get("/api/stats/programmes"), 400, "groupBy");
        assertInvalid(get("/api/stats/agreements"), 400, "groupBy");
    }

    private Reply audit(String path) {
        return api.get(path).as(TestUsers.AUDITOR).send();
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
    }
}
