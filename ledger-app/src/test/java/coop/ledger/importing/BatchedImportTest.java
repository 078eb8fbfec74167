package coop.ledger.importing;

import coop.ledger.app.LedgerApplication;
import coop.ledger.audit.LedgerVerifier;
import coop.ledger.testing.ImportFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched import records what row-by-row import records: one file, with rows the rules refuse scattered through
 * its batches, imported with one row per transaction and with batches of 40 rows into two ledgers through the
 * jar's import mode, gives the same report and the same events (record, sequence, type, payload and metadata
 * apart from the message ids), each ledger's hash chain verifying. A re-import records nothing; an import broken
 * off after some batches and run again completes the ledger to the same events.
 */
class BatchedImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static Path file;

    static {
        LedgerApplication.quietAxon();
    }

    @BeforeAll
    static void writeFile() throws Exception {
        file = dir.resolve("ledger.csv");
        Files.write(file, ImportFiles.csv("bt", 300, true), StandardCharsets.UTF_8);
    }

    @Test
    void batches_record_the_same_events_and_report_as_one_row_per_transaction() throws Exception {
        ImportConsole rowByRow = importInto("single", file, 1);
        ImportConsole batched = importInto("batched", file, 40);

        assertThat(rowByRow.exitCode()).isEqualTo(2);
        JsonNode report = withoutDuration(batched.out());
        assertThat(report).isEqualTo(withoutDuration(rowByRow.out()));
        // 6 groups of 50 rows; groups 1 and 4 hold 4 refused rows each
        assertThat(report.get("rows").asLong()).isEqualTo(300);
        assertThat(report.get("rejected").asLong()).isEqualTo(8);
        assertThat(report.get("recorded").asLong()).isEqualTo(292);
        assertThat(batched.err()).doesNotContain("could not be committed");

        List<String> single = events("single");
        List<String> batch = events("batched");
        assertThat(batch).hasSize(single.size()).isEqualTo(single);
        // the item whose completion was refused left nothing, not even its listing
        assertThat(batch).noneMatch(e -> e.contains("backwards-1"));
        assertThat(verified("single")).isTrue();
        assertThat(verified("batched")).isTrue();

        ImportConsole again = importInto("batched", file, 40);
        assertThat(again.err()).contains("imported 300 rows: 0 recorded, 292 already recorded, 8 rejected");
        assertThat(events("batched")).isEqualTo(single);
    }

    @Test
    void an_import_broken_off_after_some_batches_is_completed_by_running_the_file_again() throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Path firstPart = dir.resolve("first-part.csv");
        // what a crash in the fourth batch leaves: the first three batches (the fourth rolled back whole)
        Files.write(firstPart, lines.subList(0, 1 + 3 * 40), StandardCharsets.UTF_8);

        importInto("resumed", firstPart, 40);
        ImportConsole rest = importInto("resumed", file, 40);
        importInto("reference", file, 40);

        assertThat(rest.err()).contains("imported 300 rows: 176 recorded, 116 already recorded, 8 rejected");
        assertThat(events("resumed")).isEqualTo(events("reference"));
        assertThat(verified("resumed")).isTrue();
    }

    private static JsonNode withoutDuration(String report) {
        // the report is the last thing printed, a pretty-printed object; warnings of the start-up may come before it
        int start = report.startsWith("{") ? 0 : report.lastIndexOf("\n{") + 1;
        ObjectNode node = (ObjectNode) JSON.readTree(report.substring(start));
        node.remove("durationMillis");
        return node;
    }

    /** Each event as one line: record, sequence, type, payload and metadata without the message ids. */
    private static List<String> events(String ledger) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = open(ledger);
             PreparedStatement select = connection.prepareStatement("SELECT aggregate_identifier, sequence_number, "
                     + "type, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ObjectNode meta = (ObjectNode) JSON.readTree(rs.getBytes(6));
                meta.remove("traceId");
                meta.remove("correlationId");
                events.add(rs.getString(1) + " #" + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + new String(rs.getBytes(5), StandardCharsets.UTF_8) + " " + meta);
            }
        }
        return events;
    }

    private static boolean verified(String ledger) throws Exception {
        try (Connection connection = open(ledger)) {
            return new LedgerVerifier().verify(connection).verified();
        }
    }

    private static Connection open(String ledger) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(ledger).resolve("ledger"), "sa", "");
    }

    private static ImportConsole importInto(String ledger, Path file, int batchSize) throws Exception {
        return ImportConsole.run("import", file.toString(), "--recorded-by=batch-test",
                "--ledger.data-dir=" + dir.resolve(ledger), "--ledger.import.batch-size=" + batchSize,
                "--logging.level.root=WARN", "--ledger.audit.seal-interval=0");
    }
}
