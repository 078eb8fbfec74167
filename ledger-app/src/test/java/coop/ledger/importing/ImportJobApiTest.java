package coop.ledger.importing;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports run as jobs over HTTP: 202 with a Location to follow, the status polled until done with the same report
 * a synchronous import gives, refused rows in it, the list of jobs, unknown ids, who may follow a job, and a job
 * whose node stopped writing its progress.
 */
class ImportJobApiTest extends LedgerHttpTest {

    @Autowired
    private ImportJobStore store;

    /** Two parties, a third of an unknown kind, an agreement between the first two with an item. */
    private static String csv(String s) {
        return """
                record,code,nameZh,kind,id,title,signatories,signedOn,agreementId,itemId,description,listedOn
                party,job-wz-%1$s,万州区,GOVERNMENT,,,,,,,,
                party,job-dz-%1$s,达州市,GOVERNMENT,,,,,,,,
                party,job-bad-%1$s,大竹县,COUNTY,,,,,,,,
                agreement,,,FRAMEWORK,job-plan-%1$s,万达开合作框架协议,job-wz-%1$s|job-dz-%1$s,2020-06-16,,,,
                agreement-item,,,,,,,,job-plan-%1$s,joint,规划共编,2020-06-16
                """.formatted(s);
    }

    private Reply postAsync(String body) {
        return api.post("/api/imports", null).body(body, "text/csv").header("Prefer", "respond-async").send();
    }

    /** Polls the job until it has ended (bounded: a failing import must not hang the suite). */
    private Reply awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply reply = api.get(location).send();
        while (System.nanoTime() < deadline && (reply.json().get("state").asString().equals("queued")
                || reply.json().get("state").asString().equals("running"))) {
            Thread.sleep(50);
            reply = api.get(location).send();
        }
        return reply;
    }

    @Test
    void a_client_that_prefers_it_gets_202_with_a_location_that_ends_with_the_report() throws Exception {
        String s = TestData.unique("j");

        Reply accepted = postAsync(csv(s));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/imports/" + id);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        assertThat(accepted.json().get("state").asString()).isIn("queued", "running", "done");
        assertThat(accepted.json().get("rowsTotal").asLong()).isEqualTo(5);
        assertThat(accepted.json().get("startedBy").asString()).isEqualTo("ndrc-office");

        Reply done = awaitEnd(accepted.header("Location"));

        assertThat(done.status()).isEqualTo(200);
        JsonNode job = done.json();
        assertThat(job.get("state").asString()).as(done.toString()).isEqualTo("done");
        assertThat(job.get("rowsDone").asLong()).isEqualTo(5);
        assertThat(job.get("rowsCommitted").asLong()).isEqualTo(5);
        assertThat(job.get("rowsRefused").asLong()).isEqualTo(1);
        assertThat(job.get("etaSeconds").asLong()).isZero();
        assertThat(job.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(Instant.parse(job.get("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(job.get("startedAt").asString()));
        assertThat(job.get("finishedAtShanghai").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonNode report = job.get("report");
        assertThat(report.get("format").asString()).isEqualTo("CSV");
        assertThat(report.get("rows").asLong()).isEqualTo(5);
        assertThat(report.get("recorded").asLong()).isEqualTo(4);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.at("/rejections/0/line").asLong()).isEqualTo(4);
        assertThat(report.at("/rejections/0/field").asString()).isEqualTo("kind");
        assertThat(report.at("/rejections/0/recordId").asString()).isEqualTo("job-bad-" + s);
        assertThat(agreement("job-plan-" + s).json().at("/itemCounts/total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/parties/job-bad-" + s).send().status()).isEqualTo(404);
    }

    @Test
    void the_job_report_is_the_report_a_synchronous_import_of_the_same_file_gives() throws Exception {
        String s = TestData.unique("k");
        Reply first = api.post("/api/imports", null).body(csv(s), "text/csv").send();
        assertThat(first.status()).as("a small file without Prefer is imported at once").isEqualTo(200);

        Reply job = awaitEnd(postAsync(csv(s)).header("Location"));

        JsonNode again = job.json().get("report");
        assertThat(again.get("recorded").asLong()).isZero();
        assertThat(again.get("alreadyRecorded").asLong()).isEqualTo(4);
        assertThat(again.get("rejections")).isEqualTo(first.json().get("rejections"));
        assertThat(again.propertyNames()).containsExactlyElementsOf(first.json().propertyNames());
    }

    @Test
    void posting_the_file_again_completes_an_import_that_was_cut_off() throws Exception {
        String s = TestData.unique("r");
        String whole = csv(s);
        // what an interrupted job leaves: the rows of the batches it committed
        String firstRows = String.join("\n", whole.lines().limit(3).toList()) + "\n";
        api.post("/api/imports", null).body(firstRows, "text/csv").send();

        JsonNode report = awaitEnd(postAsync(whole).header("Location")).json().get("report");

        assertThat(report.get("alreadyRecorded").asLong()).isEqualTo(2);
        assertThat(report.get("recorded").asLong()).isEqualTo(2);
        assertThat(agreement("job-plan-" + s).status()).isEqualTo(200);
    }

    @Test
    void lists_the_recent_jobs_newest_first() throws Exception {
        String first = postAsync(csv(TestData.unique("l"))).json().get("id").asString();
        String second = postAsync(csv(TestData.unique("m"))).json().get("id").asString();
        awaitEnd("/api/imports/" + second);

        Reply list = api.get("/api/imports").send();

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("id")).containsSubsequence(second, first);
        assertThat(list.json().get(0).get("report").isNull()).isTrue();
    }

    @Test
    void an_unknown_job_is_a_404_problem() {
        Reply reply = api.get("/api/imports/no-such-job").send();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("no-such-job");
    }

    @Test
    void only_those_who_may_import_follow_import_jobs() {
        String location = postAsync(csv(TestData.unique("v"))).header("Location");

        assertThat(api.get(location).as(TestUsers.VIEWER).send().status()).isEqualTo(403);
        assertThat(api.get(location).as(TestUsers.AUDITOR).send().status()).isEqualTo(403);
        assertThat(api.get("/api/imports").as(TestUsers.VIEWER).send().status()).isEqualTo(403);
        assertThat(api.get(location).anonymous().send().status()).isEqualTo(401);
        assertThat(api.post("/api/imports", null).as(TestUsers.VIEWER).body(csv("v2"), "text/csv")
                .header("Prefer", "respond-async").send().status()).isEqualTo(403);
        assertThat(api.get(location).send().status()).isEqualTo(200);
    }

    @Test
    void a_job_whose_node_stopped_writing_its_progress_is_shown_interrupted_with_the_rows_committed() {
        // whole microseconds: the database keeps no finer time (it rounds, so a truncated expectation could be 1 µs off)
        Instant lastSeen = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).minus(Duration.ofHours(1));
        String id = "interrupted-" + TestData.unique("i");
        store.insert(new ImportJobStore.StoredJob(id, "running", "CSV", "ndrc-office", "a-node-that-died", 100_000,
                42_300, 42_000, 7, lastSeen.minusSeconds(30), lastSeen.minusSeconds(20), null, lastSeen, null, null));

        JsonNode job = api.get("/api/imports/" + id).send().json();

        assertThat(job.get("state").asString()).isEqualTo("interrupted");
        assertThat(job.get("rowsCommitted").asLong()).isEqualTo(42_000);
        assertThat(job.get("rowsRefused").asLong()).isEqualTo(7);
        assertThat(job.get("error").asString()).contains("a-node-that-died", "post the same file again");
        assertThat(job.get("etaSeconds").isNull()).isTrue();
        assertThat(Instant.parse(job.get("finishedAt").asString())).isEqualTo(lastSeen);
    }

    @Test
    void a_file_that_cannot_be_read_is_refused_at_once_even_when_a_job_is_preferred() {
        Reply reply = api.post("/api/imports", null).body("{not json", "application/json")
                .header("Prefer", "respond-async").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("file");
    }
}
