package coop.ledger.app;

import coop.ledger.testing.Api;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import coop.ledger.testing.TestData.Party;
import coop.ledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static coop.ledger.testing.TestData.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger survives a restart: a second process on the same data directory reads exactly what the first
 * recorded and goes on recording from there. Starts its own applications, never the shared test context.
 */
class RestartTest {

    static {
        LedgerApplication.quietAxon();
    }

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_ledger_reads_the_same_records_and_goes_on_writing() {
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        Party yunyang = TestData.yunyang();
        String id;
        JsonNode partyBefore;
        JsonNode agreementBefore;
        long lastPositionBefore;

        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            for (Party party : List.of(wanzhou, kaizhou, yunyang, wanzhou.yibao())) {
                assertThat(api.post("/api/parties", party.json()).send().status()).isEqualTo(201);
            }
            assertThat(api.put("/api/parties/" + kaizhou.code() + "/name", object("nameZh", "重庆市开州区",
                    "effectiveOn", "2016-07-01")).send().status()).isEqualTo(200);
            Reply signed = api.post("/api/agreements", TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK",
                    List.of(wanzhou, kaizhou), List.of(yunyang))).send();
            assertThat(signed.status()).isEqualTo(201);
            id = signed.id();
            String path = "/api/agreements/" + id;
            assertThat(api.post(path + "/items", object("itemId", "yibao-1", "description", "异地就医直接结算",
                    "domain", "MEDICAL_INSURANCE", "responsibleParties", List.of(wanzhou.yibao().code()),
                    "listedOn", "2021-03-15")).send().status()).isEqualTo(201);
            assertThat(api.post(path + "/items", object("itemId", "road-1", "description", "万达开高速公路规划对接",
                    "listedOn", "2021-03-15")).send().status()).isEqualTo(201);
            assertThat(api.post(path + "/items/yibao-1/start", object("startedOn", "2021-04-01")).send().status())
                    .isEqualTo(200);
            assertThat(api.post(path + "/payments", object("payer", wanzhou.code(), "payee", kaizhou.code(),
                    "amount", "1100万元", "paidOn", "2021-09-01")).send().status()).isEqualTo(201);
            partyBefore = api.get("/api/parties/" + kaizhou.code()).send().json();
            agreementBefore = api.get(path).send().json();
            lastPositionBefore = lastGlobalIndex(first);
        }
        assertThat(agreementBefore.path("version").asLong()).isEqualTo(5);

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            String path = "/api/agreements/" + id;

            assertThat(api.get("/api/parties/" + kaizhou.code()).send().json()).isEqualTo(partyBefore);
            assertThat(api.get(path).send().json()).isEqualTo(agreementBefore);

            Reply completed = api.post(path + "/items/yibao-1/complete", object("completedOn", "2021-06-30",
                    "evidence", "万州区医保局开通异地就医直接结算")).send();
            assertThat(completed.status()).as("%s", completed).isEqualTo(200);
            assertThat(completed.version()).isEqualTo(6);
            Reply stale = api.post(path + "/items/road-1/drop", object("droppedOn", "2021-07-01",
                    "reason", "并入交通专项规划")).ifMatch(5).send();
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.rule()).isEqualTo("version.stale");
            Reply renamed = api.put("/api/parties/" + kaizhou.code() + "/name", object("nameZh", "开州区",
                    "effectiveOn", "2017-01-01")).ifMatch(2).send();
            assertThat(renamed.version()).isEqualTo(3);
            assertThat(api.get(path).send().json().path("itemCounts").path("completed").asLong()).isEqualTo(1);
            assertThat(lastGlobalIndex(second)).isEqualTo(lastPositionBefore + 2);
        }
    }

    /**
     * Arguments, not {@code SpringApplicationBuilder.properties(..)}: those are default properties, which
     * application.properties overrides, so the ledger would silently open ./data instead of the temporary directory.
     */
    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments(dataDir));
        assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/ledger;");
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static long lastGlobalIndex(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                Long.class);
    }

    private static String[] arguments(Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0"));
        Arrays.stream(TestUsers.PROPERTIES).map(p -> "--" + p).forEach(args::add);
        return args.toArray(String[]::new);
    }
}
