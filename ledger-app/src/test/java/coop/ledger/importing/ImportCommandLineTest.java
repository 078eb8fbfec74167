package coop.ledger.importing;

import coop.ledger.app.LedgerApplication;
import coop.ledger.testing.ImportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's import mode: same rows, same report, on a store of its own and without a web server. */
class ImportCommandLineTest {

    static {
        LedgerApplication.quietAxon();
    }

    @TempDir
    Path dir;

    @Test
    void imports_a_file_reports_on_the_console_and_records_nothing_twice() throws Exception {
        Path file = dir.resolve("parties.csv");
        Files.writeString(file, """
                record,code,nameZh,nameEn,kind
                party,liangping,梁平区,Liangping District,GOVERNMENT
                party,dianjiang,垫江县,Dianjiang County,GOVERNMENT
                party,broken,大竹县,Dazhu County,NOT-A-KIND
                """, StandardCharsets.UTF_8);
        String[] args = {"import", file.toString(), "--recorded-by=fgw", "--ledger.data-dir=" + dir.resolve("data"),
                "--logging.level.root=WARN"};

        ImportConsole first = ImportConsole.run(args);
        ImportConsole second = ImportConsole.run(args);

        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.err()).contains("imported 3 rows: 2 recorded, 0 already recorded, 1 rejected")
                .contains("line 4 (row 3, party broken)", "unknown value \"NOT-A-KIND\"")
                .doesNotContain("coop.ledger");
        assertThat(first.out()).contains("\"recorded\" : 2");
        assertThat(second.err()).contains("imported 3 rows: 0 recorded, 2 already recorded, 1 rejected");
    }

    @Test
    void prints_progress_lines_with_rows_done_of_the_file_the_rate_and_the_time_left() throws Exception {
        Path file = dir.resolve("groups.csv");
        Files.write(file, ImportFiles.csv("prog", 50, false), StandardCharsets.UTF_8);

        ImportConsole console = ImportConsole.run("import", file.toString(),
                "--ledger.data-dir=" + dir.resolve("progress"), "--logging.level.root=WARN",
                "--ledger.import.progress-interval=0s");

        assertThat(console.exitCode()).isZero();
        List<String> progress = console.err().lines().filter(line -> line.startsWith("importing: ")).toList();
        assertThat(progress).hasSize(50);
        assertThat(progress.get(0)).startsWith("importing: 1 of 50 rows (2%), 0 rejected, ");
        assertThat(progress.get(49)).startsWith("importing: 50 of 50 rows (100%), 0 rejected, ")
                .matches(".*, [\\d,]+ rows/s, (about 0 s left|time left unknown)");
        assertThat(progress.get(24)).matches("importing: 25 of 50 rows \\(50%\\), 0 rejected, [\\d,]+ rows/s, "
                + "(about .+ left|time left unknown)");
        assertThat(console.err().indexOf("importing: 50 of 50")).isLessThan(console.err().indexOf("imported 50 rows"));
    }

    @Test
    void explains_its_usage_when_the_file_is_missing() throws Exception {
        ImportConsole console = ImportConsole.run("import", dir.resolve("missing.json").toString());

        assertThat(console.exitCode()).isEqualTo(64);
        assertThat(console.err()).contains("usage: java -jar ledger-app.jar import");
    }
}
