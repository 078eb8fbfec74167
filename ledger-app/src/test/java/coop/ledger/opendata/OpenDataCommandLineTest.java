package coop.ledger.opendata;

import coop.ledger.app.LedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's {@code export-oc4ids FILE} mode: the seed dataset, loaded into a store of its own, is written as an
 * OC4IDS 0.9 package that validates against the official schema, without a web server.
 */
class OpenDataCommandLineTest {

    static {
        LedgerApplication.quietAxon();
    }

    @TempDir
    Path dir;

    @Test
    void exports_the_seed_dataset_as_a_package_that_validates_against_the_official_schema() throws Exception {
        Path file = dir.resolve("out/oc4ids.json");
        Console console = run("export-oc4ids", file.toString(), "--ledger.data-dir=" + dir.resolve("data"),
                "--ledger.seed=true", "--ledger.open-data.base-uri=https://ledger.example.org");

        assertThat(console.exitCode).as(console.err).isZero();
        assertThat(console.err).contains("as an OC4IDS 0.9 project package to " + file);
        JsonNode projectPackage = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(Oc4idsSchema.errorsIn(projectPackage)).isEmpty();
        assertThat(projectPackage.path("uri").asString()).isEqualTo("https://ledger.example.org/api/open-data/oc4ids");
        assertThat(projectPackage.path("projects").size()).isGreaterThanOrEqualTo(9);
        // 三峡综合物流枢纽: 15亿元 agreed investment, hosted by 万州区, three state-owned investors
        JsonNode hub = projectPackage.path("projects").valueStream()
                .filter(p -> p.path("id").asString().equals("coop-ledger-three-gorges-logistics-hub")).findFirst()
                .orElseThrow();
        assertThat(hub.path("title").asString()).isEqualTo("三峡综合物流枢纽");
        assertThat(hub.path("budget").path("amount").path("amount").decimalValue()).isEqualByComparingTo("1500000000");
        assertThat(hub.path("budget").path("amount").path("currency").asString()).isEqualTo("CNY");
        assertThat(hub.path("publicAuthority").path("name").asString()).isEqualTo("万州区");
        assertThat(hub.path("locations").get(0).path("address").path("locality").asString()).isEqualTo("万州区");
        assertThat(hub.path("parties").valueStream().filter(p -> p.path("roles").toString().contains("funder")))
                .hasSize(3);
        assertThat(hub.path("sector").get(0).asString()).isEqualTo("transport");
        assertThat(hub.path("documents").get(0).path("id").asString()).isEqualTo("three-gorges-logistics-2020");
        // 万州经开区: 总投资40.27亿元 of projects that started construction is planned investment, never the budget
        JsonNode edz = projectPackage.path("projects").valueStream()
                .filter(p -> p.path("id").asString().equals("coop-ledger-wanzhou-edz-2021-10")).findFirst()
                .orElseThrow();
        assertThat(edz.has("budget")).isFalse();
        assertThat(edz.path("forecasts").get(0).path("id").asString()).isEqualTo("totalPlannedInvestment");
        assertThat(edz.path("forecasts").get(0).path("observations").get(0).path("value").path("amount")
                .decimalValue()).isEqualByComparingTo("4027000000");
        assertThat(edz.path("additionalClassifications").valueStream()
                .filter(c -> c.path("scheme").asString().equals("COOP-LEDGER-INFERRED"))
                .map(c -> c.path("id").asString())).containsExactly("signedOn");
        assertThat(projectPackage.path("projects").valueStream().filter(p -> p.has("budget"))
                .map(p -> p.path("budget").path("amount").path("amount").decimalValue()))
                .noneMatch(amount -> amount.compareTo(new java.math.BigDecimal("4027000000")) == 0);
    }

    @Test
    void explains_its_usage_without_a_file_and_refuses_a_recorded_at_without_offset() throws Exception {
        Console noFile = run("export-oc4ids");
        Console localTime = run("export-oc4ids", dir.resolve("x.json").toString(), "--recorded-at=2021-06-01T12:00");

        assertThat(noFile.exitCode).isEqualTo(64);
        assertThat(noFile.err).contains("usage: java -jar ledger-app.jar export-oc4ids FILE.json");
        assertThat(localTime.exitCode).isEqualTo(64);
        assertThat(localTime.err).contains("--recorded-at must be an instant");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    private record Console(int exitCode, String err) {
    }

    private static Console run(String... args) throws Exception {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = OpenDataCommandLine.exportOc4ids(LedgerApplication.class, args,
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        return new Console(code, errBytes.toString(StandardCharsets.UTF_8));
    }
}
