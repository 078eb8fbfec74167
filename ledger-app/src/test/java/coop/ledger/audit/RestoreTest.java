package coop.ledger.audit;

import coop.ledger.app.LedgerApplication;
import coop.ledger.testing.Api;
import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static coop.ledger.testing.Problems.assertProblem;
import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export restored into a fresh data directory is the same ledger: the same verification digest, the same
 * records, and it goes on recording. Restored with the jar's {@code restore} mode and over HTTP; a file whose
 * hashes do not match is refused by both; the jar's {@code verify} mode reads the store without the application.
 */
class RestoreTest extends LedgerHttpTest {

    @TempDir
    Path dir;

    @Autowired
    private LedgerSealer sealer;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private SealSigner signer;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_export_restored_into_a_fresh_ledger_verifies_with_the_same_digest_and_reads_the_same_records()
            throws Exception {
        Party kaizhou = TestData.kaizhou();
        Party yunyang = TestData.yunyang();
        Party wanzhou = TestData.wanzhou();
        register(kaizhou, yunyang, wanzhou);
        String id = sign(TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION, "ECOLOGICAL_COMPENSATION",
                List.of(kaizhou, yunyang), List.of(wanzhou)));
        assertThat(api.post("/api/agreements/" + id + "/items", object("itemId", "monitoring",
                "description", "浦里河五通断面监测数据共享", "listedOn", "2020-12-10")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/agreements/" + id + "/payments", object("payer", yunyang.code(),
                "payee", kaizhou.code(), "amount", "1100万元", "paidOn", "2021-09-30")).send().status()).isEqualTo(201);
        sealer.sealThrough(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class));
        JsonNode agreement = agreement(id).json();
        JsonNode verified = api.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json();
        String export = api.get("/api/audit/export").as(TestUsers.AUDITOR).send().text();
        assertThat(api.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json()).isEqualTo(verified);
        Path file = dir.resolve("ledger-export.ndjson");
        Files.writeString(file, export, StandardCharsets.UTF_8);

        // the jar's restore mode, then its verify mode on the restored store without the application
        Path cliData = dir.resolve("cli-data");
        Console restored = restoreCli(file, cliData);
        Console verifiedCli = verifyCli(cliData);

        assertThat(restored.exitCode).as(restored.err).isZero();
        assertThat(json.readTree(restored.out).path("events").asLong()).isEqualTo(verified.path("events").asLong());
        assertThat(verifiedCli.exitCode).as(verifiedCli.out + verifiedCli.err).isZero();
        JsonNode cliReport = json.readTree(verifiedCli.out);
        assertThat(cliReport.path("digest").asString()).isEqualTo(verified.path("digest").asString());
        assertThat(cliReport.path("position").asLong()).isEqualTo(verified.path("position").asLong());
        assertThat(cliReport.path("seals").asInt()).isEqualTo(verified.path("seals").asInt());

        // over HTTP, into a second application on an empty store, holding the same seal-signing key file (the
        // export never carries it; without it the restored seals would be signed by a key that node does not trust)
        Files.createDirectories(dir.resolve("http-data"));
        Files.copy(signer.file(), dir.resolve("http-data").resolve("seal-signing-key.pem"));
        try (ConfigurableApplicationContext second = start(dir.resolve("http-data"))) {
            Api restoredApi = new Api(Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port")));

            Reply reply = restoredApi.post("/api/audit/restore", object()).body(export, "application/x-ndjson").send();

            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.json().path("verification").path("digest").asString())
                    .isEqualTo(verified.path("digest").asString());
            assertThat(restoredApi.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json())
                    .isEqualTo(verified);
            assertThat(restoredApi.get("/api/agreements/" + id).send().json()).isEqualTo(agreement);
            assertThat(restoredApi.get("/api/parties/" + kaizhou.code()).send().json())
                    .isEqualTo(api.get("/api/parties/" + kaizhou.code()).send().json());
            // the record directory was rebuilt and positions go on after the restored ones
            Reply joined = restoredApi.post("/api/agreements/" + id + "/participants", object("partyCode",
                    wanzhou.code(), "role", "SIGNATORY", "joinedOn", "2021-10-01")).send();
            assertThat(joined.status()).as("%s", joined).isIn(200, 201, 409);
            Party dazhou = TestData.dazhou();
            assertThat(restoredApi.post("/api/parties", dazhou.json()).send().status()).isEqualTo(201);
            JsonNode after = restoredApi.get("/api/audit/verification").as(TestUsers.AUDITOR).send().json();
            assertThat(after.path("verified").asBoolean()).as("%s", after).isTrue();
            assertThat(after.path("position").asLong()).isGreaterThan(verified.path("position").asLong());
        }
    }

    @Test
    void a_file_whose_hashes_do_not_match_is_refused_and_nothing_is_restored() throws Exception {
        Party dazhou = TestData.dazhou();
        register(dazhou);
        String export = api.get("/api/audit/export").as(TestUsers.AUDITOR).send().text();
        String tampered = export.replace("\"nameZh\":\"达州市\"", "\"nameZh\":\"达州县\"");
        assertThat(tampered).isNotEqualTo(export);
        Path file = dir.resolve("tampered.ndjson");
        Files.writeString(file, tampered, StandardCharsets.UTF_8);
        Path data = dir.resolve("tampered-data");

        Console console = restoreCli(file, data);

        assertThat(console.exitCode).as(console.out + console.err).isEqualTo(1);
        assertThat(console.err).contains("restore.hash-mismatch");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath()
                + "/ledger", "sa", "")) {
            var rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry");
            rs.next();
            assertThat(rs.getLong(1)).as("events restored from a refused file").isZero();
        }

        try (ConfigurableApplicationContext second = start(dir.resolve("http-refused"))) {
            Api restoredApi = new Api(Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port")));
            Reply reply = restoredApi.post("/api/audit/restore", object()).body(tampered, "application/x-ndjson")
                    .send();
            Reply cutShort = restoredApi.post("/api/audit/restore", object())
                    .body(export.substring(0, export.lastIndexOf("{\"kind\":\"end\"")), "application/x-ndjson")
                    .send();

            assertProblem(reply, 422);
            assertThat(reply.rule()).isEqualTo("restore.hash-mismatch");
            assertThat(reply.json().path("line").asLong()).isPositive();
            assertProblem(cutShort, 422);
            assertThat(cutShort.rule()).isEqualTo("restore.incomplete");
            assertThat(restoredApi.get("/api/audit/verification").send().json().path("events").asLong()).isZero();
        }
    }

    @Test
    void the_verify_mode_exits_1_on_a_tampered_store_and_names_the_broken_event() throws Exception {
        Party wanzhou = TestData.wanzhou();
        register(wanzhou);
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, api.get("/api/audit/export").as(TestUsers.AUDITOR).send().text());
        Path data = dir.resolve("data");
        Console restored = restoreCli(file, data);
        assertThat(restored.exitCode).as(restored.err).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath()
                + "/ledger", "sa", "")) {
            PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET meta_data = "
                    + "REPLACE(meta_data, CAST('ndrc-office' AS VARBINARY), CAST('ndrc-0ffice' AS VARBINARY)) "
                    + "WHERE aggregate_identifier = ?");
            update.setString(1, wanzhou.code());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Console console = verifyCli(data);

        assertThat(console.exitCode).as(console.out + console.err).isEqualTo(1);
        JsonNode report = json.readTree(console.out);
        assertThat(report.path("verified").asBoolean()).isFalse();
        assertThat(report.path("broken").path("problem").asString()).isEqualTo("hash-mismatch");
        assertThat(report.path("broken").path("aggregateId").asString()).isEqualTo(wanzhou.code());
        assertThat(report.path("broken").path("sequence").asLong()).isZero();
    }

    @Test
    void the_verify_mode_exits_2_when_there_is_no_store() {
        Console console = verifyCli(dir.resolve("nothing-here"));

        assertThat(console.exitCode).isEqualTo(2);
        assertThat(console.err).contains("cannot read the ledger");
        assertThat(Files.exists(dir.resolve("nothing-here/ledger.mv.db"))).isFalse();
    }

    private record Console(int exitCode, String out, String err) {
    }

    private static Console restoreCli(Path file, Path dataDir) throws Exception {
        return capture(out -> AuditCommandLine.restore(LedgerApplication.class, new String[]{"restore",
                file.toString(), "--ledger.data-dir=" + dataDir.toAbsolutePath(), "--logging.level.root=WARN"},
                out[0], out[1]));
    }

    private static Console verifyCli(Path dataDir) {
        try {
            return capture(out -> AuditCommandLine.verify(new String[]{"verify",
                    "--ledger.data-dir=" + dataDir.toAbsolutePath()}, out[0], out[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Run {
        int run(PrintStream[] outAndErr) throws Exception;
    }

    private static Console capture(Run run) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run.run(new PrintStream[]{new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)});
        return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A second ledger application on its own data directory (see RestartTest on why arguments). */
    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir.toAbsolutePath(),
                "--server.port=0", "--logging.level.root=WARN"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }
}
