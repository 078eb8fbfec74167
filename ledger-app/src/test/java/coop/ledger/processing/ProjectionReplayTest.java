package coop.ledger.processing;

import coop.ledger.testing.HistoryGenerator;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.TestData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections are disposable: after a large history is projected, resetting the processor and replaying every
 * event rebuilds every table to exactly the same content, byte for byte (a row no event made is gone); so does a rebuild, which applies the
 * history in chunks of 2,000 ({@link BulkReplay}, so over ten here) before the processor goes on.
 */
class ProjectionReplayTest extends DashboardTest {

    @Autowired
    private ProjectionRebuild rebuild;

    @Autowired
    private ReadModelStore store;

    /** Every projection table and the columns that order it canonically (its primary key). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("dash_party", "code");
        TABLES.put("dash_agreement", "id");
        TABLES.put("dash_agreement_participant", "agreement_id, party_code");
        TABLES.put("dash_agreement_domain", "agreement_id, domain_code");
        TABLES.put("dash_agreement_item", "agreement_id, item_id");
        TABLES.put("dash_agreement_item_party", "agreement_id, item_id, party_code");
        TABLES.put("dash_agreement_payment", "agreement_id, payment_id");
        TABLES.put("dash_project", "id");
        TABLES.put("dash_project_party", "project_id, party_code, party_role");
        TABLES.put("dash_project_investment", "project_id, report_id");
        TABLES.put("dash_programme", "id");
        TABLES.put("dash_programme_party", "programme_id, party_code");
        TABLES.put("dash_programme_item", "programme_id, item_id");
        TABLES.put("dash_programme_item_party", "programme_id, item_id, party_code");
    }

    @Test
    void a_reset_and_replay_rebuilds_every_table_byte_for_byte() throws Exception {
        assertThat(TABLES.keySet()).containsExactlyInAnyOrderElementsOf(store.tables());
        HistoryGenerator generator = new HistoryGenerator(TestData.unique("replay"));
        List<GenericDomainEventMessage<?>> history = generator.generate(300, 950, 1100, 55);
        assertThat(history).hasSizeGreaterThanOrEqualTo(20_000);
        awaitProjections();
        StreamingEventProcessor processor = projections();

        // Appended while the processor is stopped, so the timings below measure projection alone.
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        long appendStarted = System.nanoTime();
        for (int from = 0; from < history.size(); from += 2000) {
            List<GenericDomainEventMessage<?>> batch = history.subList(from, Math.min(history.size(), from + 2000));
            transactionManager.executeInTransaction(() -> eventStore.publish(batch));
        }
        double appendSeconds = seconds(appendStarted);
        long catchUpStarted = System.nanoTime();
        processor.start();
        awaitProjections(Duration.ofSeconds(90));
        double catchUpSeconds = seconds(catchUpStarted);
        String projected = dump();

        long inStore = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        strayRow("STRAY-BEFORE-REPLAY");
        long replayStarted = System.nanoTime();
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        processor.resetTokens();
        processor.start();
        awaitProjections(Duration.ofSeconds(90));
        double replaySeconds = seconds(replayStarted);
        String replayed = dump();

        strayRow("STRAY-BEFORE-REBUILD");
        long rebuildStarted = System.nanoTime();
        rebuild.start("replay-test").orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (rebuild.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double rebuildSeconds = seconds(rebuildStarted);
        assertThat(rebuild.progress().state()).isEqualTo("done");
        assertThat(rebuild.progress().eventsDone()).isEqualTo(rebuild.progress().eventsTotal());
        awaitProjections(Duration.ofSeconds(90));
        String rebuilt = dump();

        System.out.printf("Projection replay test: generated %d events %s; appended through the event store in "
                        + "%.1f s; projected them in %.1f s = %.0f events/s; reset and replayed all %d events in the "
                        + "store in %.1f s = %.0f events/s; rebuilt them (chunks of 2,000) in %.1f s = %.0f events/s%n",
                history.size(), generator.perKind(), appendSeconds, catchUpSeconds, history.size() / catchUpSeconds,
                inStore, replaySeconds, inStore / replaySeconds, rebuildSeconds, inStore / rebuildSeconds);
        assertThat(projected).contains(history.get(0).getAggregateIdentifier());
        assertThat(replayed.length()).isEqualTo(projected.length());
        assertThat(replayed).isEqualTo(projected);
        assertThat(rebuilt).isEqualTo(projected);
    }

    /** A row no event made: a reset must empty the tables, so neither replay may keep it. */
    private void strayRow(String code) {
        jdbc.update("INSERT INTO dash_party (code, name_zh, kind, renames, last_sequence, last_position, updated_at) "
                + "VALUES (?, '无', 'GOVERNMENT', 0, 0, 0, CURRENT_TIMESTAMP)", code);
    }

    private String dump() {
        return dump(jdbc);
    }

    /** Every projection table as text: a header and one line per row in primary-key order. */
    static String dump(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        StringBuilder text = new StringBuilder();
        TABLES.forEach((table, key) -> {
            text.append("## ").append(table).append('\n');
            jdbc.query("SELECT * FROM " + table + " ORDER BY " + key, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    text.append(c == 1 ? "" : "\t").append(rs.getString(c));
                }
                text.append('\n');
            });
        });
        return text.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
