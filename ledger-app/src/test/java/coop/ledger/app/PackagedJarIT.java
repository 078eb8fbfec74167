package coop.ledger.app;

import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerProcess;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, started as the README starts it. The unit and HTTP tests run from classes, and a jar can
 * differ: it reads resources from inside itself, and its handler parameter resolution once failed where the
 * classes passed (snapshots could not resolve the command handlers' Clock). Failsafe runs this after packaging.
 */
class PackagedJarIT {

    private static final int SNAPSHOT_EVERY = 5;
    private static final int RENAMES = 12;
    /** What the seed dataset holds (docs/seed-data.md): 45 parties; 84 signed projects in its 14 project records. */
    private static final int SEED_PARTIES = 45;
    private static final int SEED_PROJECTS = 84;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void the_jar_loads_the_seed_snapshots_records_and_keeps_deciding_on_their_whole_history_after_a_restart()
            throws Exception {
        Path jar = Path.of("target", "ledger-app.jar");
        assertThat(jar).as("the packaged application (mvn package builds it)").exists();
        Path dataDir = Files.createDirectories(Path.of("target", "jar-test", "ledger-" + System.nanoTime()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        String[] arguments = {"--ledger.seed=true", "--ledger.snapshots.every=" + SNAPSHOT_EVERY};

        try (LedgerProcess ledger = LedgerProcess.startJar(jar, dataDir, log, arguments)) {
            Api api = ledger.api();
            JsonNode summary = awaitSeedInProjections(api);
            assertThat(summary.path("parties").asLong()).as("parties of the seed dataset").isEqualTo(SEED_PARTIES);
            assertThat(summary.at("/projects/projects").asLong()).as("projects of the seed dataset").isEqualTo(SEED_PROJECTS);

            assertThat(api.post("/api/parties", object("code", "jar-party", "nameZh", "打包测试方",
                    "kind", "GOVERNMENT")).send().status()).isEqualTo(201);
            for (int i = 1; i <= RENAMES; i++) {
                Reply renamed = api.put("/api/parties/jar-party/name", object("nameZh", "打包测试方" + i,
                        "effectiveOn", LocalDate.of(2020, 1, 1).plusDays(i).toString())).send();
                assertThat(renamed.status()).as("rename %d: %s%n%s", i, renamed, ledger.lastErrorInLog())
                        .isEqualTo(200);
            }
        }

        try (SingleConnectionDataSource store = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/ledger", "sa", "", true)) {
            Integer snapshots = new JdbcTemplate(store).queryForObject(
                    "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'jar-party'", Integer.class);
            assertThat(snapshots).as("snapshots of jar-party").isPositive();
        }

        try (LedgerProcess ledger = LedgerProcess.startJar(jar, dataDir, log, arguments)) {
            Api api = ledger.api();
            // Loaded from its snapshot, the party still knows its last rename date and refuses an earlier one.
            Reply earlier = api.put("/api/parties/jar-party/name", object("nameZh", "更早的名称",
                    "effectiveOn", "2020-01-02")).send();
            assertThat(earlier.status()).as("%s", earlier).isEqualTo(409);
            assertThat(earlier.rule()).isEqualTo("party.rename-before-previous");

            Reply later = api.put("/api/parties/jar-party/name", object("nameZh", "打包测试方-最终",
                    "effectiveOn", "2021-01-01")).send();
            assertThat(later.status()).as("%s%n%s", later, ledger.lastErrorInLog()).isEqualTo(200);
            assertThat(later.version()).isEqualTo(RENAMES + 2);

            JsonNode party = api.get("/api/parties/jar-party").send().json();
            assertThat(party.path("nameZh").asString()).isEqualTo("打包测试方-最终");
            assertThat(party.path("formerNames")).hasSize(RENAMES + 1);
        }
    }

    private static JsonNode awaitSeedInProjections(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode summary = null;
        while (System.nanoTime() < deadline) {
            Reply reply = api.get("/api/summary").send();
            if (reply.status() == 200) {
                summary = reply.json();
                if (summary.path("parties").asLong() >= SEED_PARTIES
                        && summary.at("/projects/projects").asLong() >= SEED_PROJECTS) {
                    return summary;
                }
            }
            Thread.sleep(250);
        }
        return summary;
    }
}
