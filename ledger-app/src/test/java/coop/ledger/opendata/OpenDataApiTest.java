package coop.ledger.opendata;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.RandomHistories;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static coop.ledger.testing.Problems.assertInvalid;
import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/open-data/oc4ids} over HTTP: the package of generated ledgers validates against the official OC4IDS
 * 0.9 schema, corrections show as modifications, {@code recordedAt} answers the package as recorded then, and bad
 * requests are refused like every other read.
 */
class OpenDataApiTest extends LedgerHttpTest {

    private static final String PATH = "/api/open-data/oc4ids";

    @Test
    void the_package_of_generated_ledgers_validates_against_the_official_schema() {
        RandomHistories.Recorded recorded = new RandomHistories(api, 20261129L, TestData.unique("oc"), 2)
                
                .write(3, 15, 0); // small for the suite's time, and still with corrections and cancellations
        assertThat(recorded.accepted()).containsKeys(RandomHistories.Step.CORRECT_PROJECT,
                RandomHistories.Step.CORRECT_INVESTMENT_REPORT, RandomHistories.Step.CANCEL_PROJECT);
        assertThat(recorded.unexpected()).isEmpty();

        Reply reply = api.get(PATH).as("viewer").send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(Oc4idsSchema.errorsIn(reply.json())).isEmpty();
        assertThat(reply.json().path("version").asString()).isEqualTo("0.9");
        Set<String> published = reply.json().path("projects").valueStream()
                .map(p -> p.path("identifiers").get(0).path("id").asString()).collect(Collectors.toSet());
        assertThat(published).containsAll(recorded.projects());
        Set<String> statuses = reply.json().path("projects").valueStream().map(p -> p.path("status").asString())
                .collect(Collectors.toSet());
        assertThat(Oc4idsSchema.codelist("projectStatus")).containsAll(statuses);
        assertThat(reply.json().path("projects").valueStream().filter(p -> recorded.projects()
                        .contains(p.path("identifiers").get(0).path("id").asString()))
                .flatMap(p -> p.path("contractingProcesses").get(0).path("summary").path("modifications").valueStream())
                .map(m -> m.path("rationale").asString())).as("the generated corrections' reasons").isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void a_correction_is_a_modification_with_its_reason_and_recorded_at_shows_the_package_before_it()
            throws InterruptedException {
        Party wanzhou = TestData.wanzhou();
        Party hongyan = TestData.saicHongyan();
        register(wanzhou, hongyan);
        Reply signed = api.post("/api/projects", TestData.projectSigning(List.of(hongyan), List.of(wanzhou))).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(201);
        Thread.sleep(5); // an instant strictly between the two writes
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);
        Reply corrected = api.post("/api/projects/" + signed.id() + "/corrections",
                object("agreedInvestment", "13.5亿元", "reason", "来源更正：协议投资13.5亿元")).send();
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);

        JsonNode now = project(api.get(PATH).send().json(), signed.id());
        Reply then = api.get(PATH + "?recordedAt=" + URLEncoder.encode(beforeCorrection.toString(),
                StandardCharsets.UTF_8)).send();

        assertThat(now.path("budget").path("amount").path("amount").decimalValue()).isEqualByComparingTo("1350000000");
        JsonNode modification = now.path("contractingProcesses").get(0).path("summary").path("modifications").get(0);
        assertThat(modification.path("rationale").asString()).isEqualTo("来源更正：协议投资13.5亿元");
        assertThat(modification.path("oldContractValue").path("amount").decimalValue())
                .isEqualByComparingTo("1330000000");
        assertThat(then.status()).as("%s", then).isEqualTo(200);
        assertThat(Oc4idsSchema.errorsIn(then.json())).isEmpty();
        JsonNode before = project(then.json(), signed.id());
        assertThat(before.path("budget").path("amount").path("amount").decimalValue())
                .isEqualByComparingTo("1330000000");
        assertThat(before.path("contractingProcesses").get(0).path("summary").has("modifications")).isFalse();
        assertThat(then.json().path("uri").asString()).endsWith("recordedAt=" + URLEncoder.encode(
                beforeCorrection.toString(), StandardCharsets.UTF_8));
        assertThat(Instant.parse(then.json().path("publishedDate").asString())).isBeforeOrEqualTo(beforeCorrection);
    }

    @Test
    void a_planned_investment_is_published_as_a_forecast_and_an_inferred_value_is_marked() {
        Party wanzhou = TestData.wanzhou();
        Party hongyan = TestData.saicHongyan();
        register(wanzhou, hongyan);
        ObjectNode signing = TestData.projectSigning(List.of(hongyan), List.of(wanzhou));
        signing.remove("agreedInvestment");
        signing.put("plannedInvestment", "40.27亿元");
        signing.set("provenance", object("source", "002_d845902defb982b8.txt", "quote", "总投资达40.27亿元",
                "inferred", List.of(Map.of("field", "signedOn", "reason", "来源未报道签约日期，记为开工当日"))));
        Reply signed = api.post("/api/projects", signing).send();
        assertThat(signed.status()).as("%s", signed).isEqualTo(201);

        Reply reply = api.get(PATH).send();

        assertThat(Oc4idsSchema.errorsIn(reply.json())).isEmpty();
        JsonNode project = project(reply.json(), signed.id());
        assertThat(project.has("budget")).isFalse();
        assertThat(project.path("forecasts").get(0).path("id").asString()).isEqualTo("totalPlannedInvestment");
        assertThat(project.path("forecasts").get(0).path("observations").get(0).path("value").path("amount")
                .decimalValue()).isEqualByComparingTo("4027000000");
        assertThat(project.path("additionalClassifications").get(1).path("scheme").asString())
                .isEqualTo("COOP-LEDGER-INFERRED");
        assertThat(project.path("additionalClassifications").get(1).path("id").asString()).isEqualTo("signedOn");
        assertThat(project.path("description").asString()).contains("含推定值");
    }

    @Test
    void readers_may_read_it_and_strangers_may_not() {
        assertThat(api.get(PATH).as("auditor").send().status()).isEqualTo(200);
        assertProblem(api.get(PATH).anonymous().send(), 401);
    }

    @Test
    void a_recorded_at_without_offset_or_an_unknown_parameter_is_refused_naming_it() {
        assertInvalid(api.get(PATH + "?recordedAt=2021-06-01T12:00:00").send(), 400, "recordedAt");
        assertInvalid(api.get(PATH + "?recordAt=2021-06-01T12:00:00Z").send(), 400, "recordAt");
    }

    @Test
    void before_any_project_was_recorded_there_is_nothing_to_publish() {
        Reply reply = assertProblem(api.get(PATH + "?recordedAt=2000-01-01T00:00:00Z").send(), 404);

        assertThat(reply.json().path("type").asString()).endsWith("nothing-to-publish");
    }

    private static JsonNode project(JsonNode projectPackage, String projectId) {
        return projectPackage.path("projects").valueStream()
                .filter(p -> p.path("identifiers").get(0).path("id").asString().equals(projectId)).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + projectId + " in the package"));
    }
}
