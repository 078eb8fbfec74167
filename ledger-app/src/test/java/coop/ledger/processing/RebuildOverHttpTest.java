package coop.ledger.processing;

import coop.ledger.testing.HistoryGenerator;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestUsers;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor rebuilds the projections on demand over HTTP (POST /api/audit/rebuild), follows its progress, and
 * finds every table exactly as before; queries keep answering while it runs and the summary says it is rebuilding.
 */
class RebuildOverHttpTest extends DashboardTest {

    @Test
    void an_auditor_rebuilds_the_projections_and_every_table_ends_as_before() throws Exception {
        List<GenericDomainEventMessage<?>> history = new HistoryGenerator(TestData.unique("rebuild"))
                .generate(60, 150, 150, 10);
        assertThat(history).hasSizeGreaterThanOrEqualTo(2_000);
        for (int from = 0; from < history.size(); from += 2000) {
            List<GenericDomainEventMessage<?>> batch = history.subList(from, Math.min(history.size(), from + 2000));
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        awaitProjections(Duration.ofSeconds(60));
        String before = ProjectionReplayTest.dump(jdbc);

        // As the curl of docs/read-models.md sends it: no body, no content type, any media type accepted.
        Reply started = api.post("/api/audit/rebuild", Map.of()).body(null, "none").without("Content-Type")
                .header("Accept", "*/*").as(TestUsers.AUDITOR).send();
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isEqualTo("running");
        assertThat(started.json().get("startedBy").asString()).isEqualTo(TestUsers.AUDITOR);
        assertThat(api.post("/api/audit/rebuild", Map.of()).as(TestUsers.AUDITOR).send().status())
                .as("a second rebuild while one runs").isIn(202, 409);

        int summariesWhileRunning = 0;
        JsonNode progress = started.json();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!progress.get("state").asString().equals("done")) {
            assertThat(progress.get("state").asString()).as("%s", progress).isIn("running", "done");
            assertThat(System.nanoTime()).as("rebuild did not finish: %s", progress).isLessThan(deadline);
            Reply summary = api.get("/api/summary").send();
            Reply agreements = api.get("/api/agreements?size=5").send();
            Reply stats = api.get("/api/stats/projects?groupBy=occasion").send();
            assertThat(summary.status()).as("summary during the rebuild: %s", summary).isEqualTo(200);
            assertThat(agreements.status()).as("list during the rebuild: %s", agreements).isEqualTo(200);
            assertThat(stats.status()).as("stats during the rebuild: %s", stats).isEqualTo(200);
            progress = api.get("/api/audit/rebuild").as(TestUsers.AUDITOR).send().json();
            if (progress.get("state").asString().equals("running")) {
                assertThat(summary.json().get("rebuilding").asBoolean()).isTrue();
                summariesWhileRunning++;
            }
            Thread.sleep(50);
        }

        System.out.printf("Rebuild over HTTP: %s%n", progress);
        assertThat(summariesWhileRunning).as("queries answered while the rebuild ran").isPositive();
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong())
                .isGreaterThanOrEqualTo(history.size());
        assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(progress.get("etaSeconds").asLong()).isZero();
        assertThat(progress.get("finishedAt").isNull()).isFalse();
        awaitProjections(Duration.ofSeconds(60));
        assertThat(api.get("/api/summary").send().json().get("rebuilding").asBoolean()).isFalse();
        String after = ProjectionReplayTest.dump(jdbc);
        assertThat(after.length()).isEqualTo(before.length());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_viewer_may_not_rebuild() {
        assertThat(api.post("/api/audit/rebuild", Map.of()).as(TestUsers.VIEWER).send().status()).isEqualTo(403);
    }
}
