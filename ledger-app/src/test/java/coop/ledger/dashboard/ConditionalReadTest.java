package coop.ledger.dashboard;

import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static coop.ledger.dashboard.ListQueryTest.ids;
import static coop.ledger.dashboard.ListQueryTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary and the agreement list answer with a strong ETag and {@code 304 Not Modified} to a client that has the
 * answer, never hand out an answer from before a change the projections applied, and still check who asks and which
 * representation they get on every request.
 */
class ConditionalReadTest extends DashboardTest {

    private static final String SUMMARY = "/api/summary";

    @Test
    void the_summary_has_a_strong_etag_and_a_client_that_has_it_gets_304_without_a_body() {
        awaitProjections();
        Reply first = get(SUMMARY);
        ok(first);
        assertThat(first.eTag()).matches("\"[A-Za-z0-9_-]{22}\"");

        Reply again = conditional(SUMMARY, first.eTag());

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();
        assertThat(again.eTag()).isEqualTo(first.eTag());
        assertThat(conditional(SUMMARY, "W/" + first.eTag()).status()).as("weak comparison").isEqualTo(304);
        assertThat(conditional(SUMMARY, "\"other\", " + first.eTag()).status()).as("a list of tags").isEqualTo(304);
        Reply other = conditional(SUMMARY, "\"other\"");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text()).isEqualTo(first.text());
    }

    @Test
    void the_summary_changes_as_soon_as_a_registration_is_applied_even_for_a_client_holding_the_old_etag() {
        awaitProjections();
        Reply before = get(SUMMARY);
        ok(before);

        register(TestData.kaizhou());
        awaitProjections();
        Reply after = conditional(SUMMARY, before.eTag());

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.eTag()).isNotEqualTo(before.eTag());
        assertThat(after.json().path("parties").asLong()).isEqualTo(before.json().path("parties").asLong() + 1);
        assertThat(conditional(SUMMARY, after.eTag()).status()).isEqualTo(304);
    }

    @Test
    void a_filtered_agreement_list_has_an_etag_answers_304_and_shows_a_signing_as_soon_as_it_is_applied() {
        TestData.Party wanzhou = TestData.wanzhou();
        TestData.Party kaizhou = TestData.kaizhou();
        TestData.Party yunyang = TestData.yunyang();
        String first = signedAgreement(wanzhou, kaizhou, yunyang);
        awaitProjections();
        String list = "/api/agreements?party=" + wanzhou.code() + "&domain=TRANSPORT&status=IN_FORCE&sort=signedOn,desc&size=20";
        Reply before = get(list);
        assertThat(ids(ok(before))).containsExactly(first);
        assertThat(conditional(list, before.eTag()).status()).isEqualTo(304);

        String second = sign(TestData.signing(TestData.MINGYUESHAN_GREEN_BELT, "FRAMEWORK", List.of(wanzhou, kaizhou),
                List.of()));
        awaitProjections();
        Reply after = conditional(list, before.eTag());

        assertThat(after.status()).isEqualTo(200);
        assertThat(ids(after.json())).containsExactlyInAnyOrder(first, second);
        assertThat(after.eTag()).isNotEqualTo(before.eTag());
        assertThat(conditional(list, after.eTag()).status()).isEqualTo(304);
    }

    @Test
    void the_etag_of_the_json_answer_never_makes_a_spreadsheet_download_a_304() {
        TestData.Party wanzhou = TestData.wanzhou();
        signedAgreement(wanzhou, TestData.kaizhou(), TestData.yunyang());
        awaitProjections();
        String list = "/api/agreements?party=" + wanzhou.code();
        Reply jsonAnswer = get(list);
        ok(jsonAnswer);
        String json = jsonAnswer.eTag();

        Reply csv = api.get(list + "&format=csv").as(TestUsers.VIEWER).header("If-None-Match", json).send();
        Reply byAccept = api.get(list).as(TestUsers.VIEWER).header("Accept", "text/csv")
                .header("If-None-Match", json).send();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains(TestData.WAN_DA_KAI_FRAMEWORK);
        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        assertThat(byAccept.text()).isEqualTo(csv.text());
    }

    @Test
    void a_cached_answer_still_asks_who_is_asking() {
        awaitProjections();
        String eTag = get(SUMMARY).eTag();

        Reply anonymous = api.get(SUMMARY).anonymous().header("If-None-Match", eTag).send();
        Reply wrongPassword = api.get(SUMMARY).anonymous().header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("viewer:wrong".getBytes())).header("If-None-Match", eTag)
                .send();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.eTag()).isNull();
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(api.get(SUMMARY).as(TestUsers.AUDITOR).header("If-None-Match", eTag).send().status())
                .isEqualTo(304);
    }

    @Test
    void a_refused_query_is_refused_whatever_etag_the_client_holds() {
        awaitProjections();
        String eTag = get(SUMMARY).eTag();

        Reply refused = api.get(SUMMARY + "?period=week").as(TestUsers.VIEWER).header("If-None-Match", "*").send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get(SUMMARY).as(TestUsers.VIEWER).header("If-None-Match", eTag).send().status()).isEqualTo(304);
    }

    private Reply get(String path) {
        return api.get(path).as(TestUsers.VIEWER).send();
    }

    private Reply conditional(String path, String eTag) {
        return api.get(path).as(TestUsers.VIEWER).header("If-None-Match", eTag).send();
    }
}
