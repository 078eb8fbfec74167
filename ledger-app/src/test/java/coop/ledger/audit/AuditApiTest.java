package coop.ledger.audit;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static coop.ledger.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The integrity endpoints over HTTP: verification, seals, export, and the refusals of restore. */
class AuditApiTest extends LedgerHttpTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_auditor_verifies_the_ledger_and_gets_its_digest() {
        register(TestData.wanzhou(), TestData.kaizhou());

        Reply reply = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("verified").asBoolean()).as("%s", reply).isTrue();
        assertThat(reply.json().path("events").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(reply.json().path("position").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(reply.json().path("digest").asString()).matches("[0-9a-f]{64}");
        assertThat(reply.json().has("broken")).isFalse();
    }

    @Test
    void an_administrator_may_verify_too() {
        assertThat(api.get("/api/audit/verification").send().json().path("verified").asBoolean()).isTrue();
    }

    @Test
    void a_viewer_may_not_use_the_integrity_endpoints() {
        for (String path : List.of("/api/audit/verification", "/api/audit/seals", "/api/audit/export")) {
            assertProblem(api.get(path).as(TestUsers.VIEWER).send(), 403);
        }
        assertProblem(api.post("/api/audit/seals", TestData.object()).as(TestUsers.VIEWER).send(), 403);
        assertProblem(api.get("/api/audit/verification").anonymous().send(), 401);
    }

    @Test
    void a_seal_on_demand_covers_what_was_recorded_and_is_listed_with_the_others() throws Exception {
        Party yunyang = TestData.yunyang();
        register(yunyang);
        long position = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json().path("position")
                .asLong();
        Thread.sleep(2_100); // ledger.audit.seal-settle: only events older than 2 s are sealed

        Reply sealed = api.post("/api/audit/seals", TestData.object()).as(TestUsers.AUDITOR).send();
        Reply seals = api.get("/api/audit/seals").as(TestUsers.AUDITOR).send();
        Reply verification = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send();

        assertThat(sealed.status()).as("%s", sealed).isIn(200, 201);
        JsonNode seal = sealed.json().path("seal");
        assertThat(seal.path("position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(seal.path("root").asString()).matches("[0-9a-f]{64}");
        assertThat(seal.path("sealedAt").asString()).endsWith("Z");
        assertThat(seals.json().valueStream().map(s -> s.path("root").asString())).contains(
                seal.path("root").asString());
        assertThat(verification.json().path("verified").asBoolean()).isTrue();
        assertThat(verification.json().path("seals").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(verification.json().path("sealedUpTo").asLong()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void the_export_streams_every_event_as_stored_then_the_seals_and_an_end_line_with_the_digest() {
        Party kaizhou = TestData.kaizhou();
        register(kaizhou);
        String digest = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json().path("digest")
                .asString();

        Reply export = api.get("/api/audit/export").as(TestUsers.AUDITOR).header("Accept", "application/x-ndjson")
                .send();

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = Arrays.stream(export.text().split("\n")).map(json::readTree).toList();
        assertThat(lines.get(0).path("kind").asString()).isEqualTo("header");
        JsonNode registered = lines.stream().filter(l -> kaizhou.code().equals(l.path("aggregateId").asString()))
                .findFirst().orElseThrow();
        assertThat(registered.path("payload").path("nameZh").asString()).isEqualTo("开州区");
        assertThat(registered.path("metadata").path("recordedBy").asString()).isEqualTo("ndrc-office");
        assertThat(registered.path("sequence").asLong()).isZero();
        assertThat(registered.path("previousHash").asString()).isEqualTo("0".repeat(64));
        assertThat(registered.path("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(registered.path("timestamp").asString()).endsWith("Z");
        assertThat(registered.path("type").asString()).endsWith("PartyRegisteredEvent");
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.path("kind").asString()).isEqualTo("end");
        assertThat(end.path("digest").asString()).isEqualTo(digest);
        assertThat(end.path("events").asLong()).isEqualTo(lines.stream()
                .filter(l -> l.path("kind").asString().equals("event")).count());
    }

    @Test
    void restore_into_a_ledger_that_holds_events_is_refused_with_409() {
        register(TestData.dazhou());
        String export = api.get("/api/audit/export").as(TestUsers.AUDITOR).send().text();

        Reply reply = api.post("/api/audit/restore", TestData.object()).body(export, "application/x-ndjson").send();

        assertProblem(reply, 409);
        assertThat(reply.rule()).isEqualTo("restore.not-empty");
    }

    @Test
    void only_an_administrator_may_restore() {
        Reply reply = api.post("/api/audit/restore", TestData.object()).body("{}", "application/x-ndjson")
                .as(TestUsers.AUDITOR).send();

        assertProblem(reply, 403);
    }
}
