package coop.ledger.importing;

import coop.ledger.app.LedgerApplication;
import coop.ledger.processing.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.JdbcTemplate;
import coop.ledger.testing.Api;
import coop.ledger.testing.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed dataset, loaded on start with {@code ledger.seed=true}, holds the totals the source reports state:
 * every figure asserted here is quoted from ../shared/seeds.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.data-dir=./target/test-data/seed-${random.uuid}", "ledger.seed=true",
                "ledger.security.users.ndrc-office.password-hash={bcrypt}$2a$04$zA41lgiVUHQD9ioYbx2Jx.VoBMdoyzxNXIWpi8B.4Mq29jCbMD4rG",
                "ledger.security.users.ndrc-office.roles=ADMIN"})
class SeedDatasetTest {

    static {
        LedgerApplication.quietAxon();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private LedgerImporter importer;

    @Autowired
    private JsonMapper json;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private TokenStore tokenStore;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void every_row_of_the_dataset_is_recorded_and_loading_it_again_records_nothing() throws Exception {
        try (InputStream in = new ClassPathResource(SeedLoader.DATASET).getInputStream()) {
            ImportReport again = importer.importFile(in, ImportFormat.JSON, "seed", ImportProgress.NONE);

            assertThat(again.rejections()).isEmpty();
            assertThat(again.recorded()).isZero();
            assertThat(again.alreadyRecorded()).isEqualTo(again.rows()).isGreaterThan(80);
        }
    }

    @Test
    void the_2020_state_enterprise_occasion_has_43_projects_worth_1153_yi_yuan() throws Exception {
        Totals totals = projectTotals("occasion", "2020川渝国企万州行", null);

        assertThat(totals.projects).isEqualTo(43);
        assertThat(totals.agreed).isEqualByComparingTo("115300000000");
    }

    @Test
    void the_wan_kai_yun_industrial_signing_has_13_projects_worth_37_9_yi_of_which_wanzhou_hosts_5_worth_13_3()
            throws Exception {
        Totals all = projectTotals("occasion", "万开云产业协同发展项目集中签约", null);
        Totals wanzhou = projectTotals("occasion", "万开云产业协同发展项目集中签约", "wanzhou");

        assertThat(all.projects).isEqualTo(13);
        assertThat(all.agreed).isEqualByComparingTo("3790000000");
        assertThat(wanzhou.projects).isEqualTo(5);
        assertThat(wanzhou.agreed).isEqualByComparingTo("1330000000");
    }

    @Test
    void chuanyu_tongban_shows_155_completed_plus_19_added_later() {
        JsonNode counts = get("/api/programmes/chuanyu-tongban-kaizhou").get("counts");

        assertThat(counts.get("completedOriginal").asLong()).isEqualTo(155);
        assertThat(counts.get("addedLater").asLong()).isEqualTo(19);
        assertThat(counts.get("completedAddedLater").asLong()).isEqualTo(19);
    }

    @Test
    void the_wan_kai_yun_convenience_items_are_13_completed_of_15() {
        JsonNode counts = get("/api/programmes/wky-convenience-2021").get("counts");

        assertThat(counts.get("planned").asLong()).isEqualTo(15);
        assertThat(counts.get("completed").asLong()).isEqualTo(13);
    }

    @Test
    void dianjiang_lists_132_joint_items_83_with_six_districts_30_with_linshui_19_with_dazhu() {
        long mingyueshan = get("/api/agreements/mingyueshan-2020").at("/itemCounts/total").asLong();
        long linshui = get("/api/agreements/dianjiang-linshui-2020").at("/itemCounts/total").asLong();
        long dazhu = get("/api/agreements/dianjiang-dazhu-2020").at("/itemCounts/total").asLong();

        assertThat(mingyueshan).isEqualTo(83);
        assertThat(linshui).isEqualTo(30);
        assertThat(dazhu).isEqualTo(19);
        assertThat(mingyueshan + linshui + dazhu).isEqualTo(132);
    }

    @Test
    void the_kaizhou_yunyang_compensation_agreement_has_paid_1100_wan_yuan() {
        JsonNode agreement = get("/api/agreements/pengxi-compensation");

        assertThat(agreement.at("/paymentsTotal/yuan").asString()).isEqualTo("11000000");
        assertThat(agreement.at("/paymentsTotal/text").asString()).isEqualTo("1100万元");
    }

    @Test
    void yunyang_is_the_first_observer_of_the_wan_da_kai_demonstration_zone() {
        JsonNode agreement = get("/api/agreements/wdk-demonstration-zone");

        assertThat(agreement.get("observers").toString()).isEqualTo("[{\"code\":\"yunyang\",\"name\":\"云阳县\"}]");
    }

    // ------------------------------------------------------------------ the same totals through the projections

    @Test
    void the_query_api_states_the_2020_state_enterprise_occasion_as_43_projects_worth_1153_yi() {
        JsonNode group = occasionGroup("/api/stats/projects?groupBy=occasion", "2020川渝国企万州行");

        assertThat(group.get("projects").asLong() - group.get("intentionProjects").asLong()).isEqualTo(43);
        assertThat(firmAgreed(group)).isEqualByComparingTo("115300000000");
    }

    @Test
    void the_query_api_states_the_wan_kai_yun_signing_as_13_projects_worth_37_9_yi_and_its_intentions_apart() {
        JsonNode all = occasionGroup("/api/stats/projects?groupBy=occasion", "万开云产业协同发展项目集中签约");
        JsonNode wanzhou = occasionGroup("/api/stats/projects?groupBy=occasion&party=wanzhou&role=HOST",
                "万开云产业协同发展项目集中签约");

        assertThat(all.get("projects").asLong() - all.get("intentionProjects").asLong()).isEqualTo(13);
        assertThat(all.get("intentionProjects").asLong()).as("the three automobile intentions").isEqualTo(3);
        assertThat(firmAgreed(all)).isEqualByComparingTo("3790000000");
        assertThat(wanzhou.get("projects").asLong() - wanzhou.get("intentionProjects").asLong()).isEqualTo(5);
        assertThat(firmAgreed(wanzhou)).isEqualByComparingTo("1330000000");
    }

    @Test
    void the_query_api_states_chuanyu_tongban_as_155_completed_plus_19_added_later() {
        awaitProjections();
        JsonNode total = get("/api/stats/programmes?groupBy=programme&programme=chuanyu-tongban-kaizhou")
                .get("total");

        assertThat(total.get("completedOriginal").asLong()).isEqualTo(155);
        assertThat(total.get("completedAddedLater").asLong()).isEqualTo(19);
        assertThat(total.get("addedLater").asLong()).isEqualTo(19);
        assertThat(total.get("completed").asLong()).isEqualTo(174);
    }

    @Test
    void the_query_api_counts_dianjiangs_joint_items_as_83_30_and_19() {
        awaitProjections();
        java.util.Map<String, Long> items = new java.util.HashMap<>();
        get("/api/agreements?party=dianjiang&size=100").get("items").valueStream()
                .forEach(a -> items.put(a.get("id").asString(), a.at("/items/total").asLong()));

        assertThat(items).containsEntry("mingyueshan-2020", 83L).containsEntry("dianjiang-linshui-2020", 30L)
                .containsEntry("dianjiang-dazhu-2020", 19L);
        JsonNode overview = get("/api/parties/dianjiang/overview");
        assertThat(overview.at("/signed/items/total").asLong()).isGreaterThanOrEqualTo(132);
    }

    private JsonNode occasionGroup(String path, String occasion) {
        awaitProjections();
        return get(path).get("groups").valueStream().filter(g -> occasion.equals(g.get("key").asString(null)))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + occasion + " in " + path));
    }

    private static BigDecimal firmAgreed(JsonNode group) {
        return new BigDecimal(group.at("/agreedInvestment/yuan").asString())
                .subtract(new BigDecimal(group.at("/intentionAgreedInvestment/yuan").asString()));
    }

    /** Waits until every segment of the projections has applied the newest event in the store. */
    private void awaitProjections() {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var status = processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class)
                    .orElseThrow().processingStatus();
            int segments = tokenStore.fetchSegments(Projections.PROCESSOR).length;
            if (segments > 0 && status.size() >= segments && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("projections did not reach position " + head);
    }

    private JsonNode get(String path) {
        Reply reply = api.get(path).send();
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    private record Totals(long projects, BigDecimal agreed) {
    }

    /** Sums the dataset's non-intention projects of an occasion (and host) as the ledger reads them back. */
    private Totals projectTotals(String field, String value, String host) throws Exception {
        JsonNode dataset;
        try (InputStream in = new ClassPathResource(SeedLoader.DATASET).getInputStream()) {
            dataset = json.readTree(in);
        }
        long projects = 0;
        BigDecimal agreed = BigDecimal.ZERO;
        for (JsonNode row : dataset.get("projects")) {
            JsonNode project = get("/api/projects/" + row.get("id").asString());
            boolean matches = value.equals(project.path(field).asString(null))
                    && (host == null || project.get("hostParties").toString().contains("\"" + host + "\""))
                    && !project.get("signedAsIntention").asBoolean();
            if (matches) {
                projects += project.get("projectCount").asLong();
                agreed = agreed.add(new BigDecimal(project.at("/agreedInvestment/yuan").asString()));
            }
        }
        return new Totals(projects, agreed);
    }
}
