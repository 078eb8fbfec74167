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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed dataset, loaded on start with {@code ledger.seed=true}, holds the totals the source reports state:
 * every figure asserted here is quoted from ../shared/seeds (see docs/seed-data.md for the dataset's conventions).
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

    @Test
    void the_six_district_mingyueshan_agreement_is_signed_by_dachuan_not_by_dazhou_city() {
        awaitProjections();
        JsonNode agreement = get("/api/agreements/mingyueshan-2020");
        JsonNode dazhou = get("/api/parties/dazhou/overview");
        JsonNode dachuan = get("/api/parties/dachuan/overview");

        assertThat(agreement.get("signatories").toString()).contains("\"dachuan\"").doesNotContain("\"dazhou\"");
        assertThat(ids(dazhou.at("/signed/latest"))).doesNotContain("mingyueshan-2020");
        assertThat(ids(dachuan.at("/signed/latest"))).containsExactly("mingyueshan-2020");
        assertThat(dachuan.at("/responsibleFor/cooperationItems/total").asLong()).isEqualTo(83);
        assertThat(dazhou.at("/responsibleFor/cooperationItems/total").asLong())
                .as("达州市 is responsible only for the two items of the government-services agreement")
                .isEqualTo(2);
    }

    @Test
    void the_wanzhou_edz_batch_is_40_27_yi_of_total_planned_investment_and_never_agreed_investment() {
        awaitProjections();
        JsonNode project = get("/api/projects/wanzhou-edz-2021-10");
        JsonNode summary = get("/api/summary").get("projects");
        JsonNode wanzhou = get("/api/parties/wanzhou/overview").get("hosts");
        JsonNode stats = get("/api/stats/projects?groupBy=status").get("total");

        assertThat(project.get("agreedInvestment").isNull()).isTrue();
        assertThat(project.at("/plannedInvestment/text").asString()).isEqualTo("40.27亿元");
        // 协议投资 of the sources: 15亿 + 1153亿 + 13.3亿 + 24.6亿 + 12.1亿; 总投资: the 40.27亿 batch alone
        for (JsonNode figures : List.of(summary, summary.get("live"), wanzhou, stats)) {
            assertThat(figures.at("/plannedInvestment/yuan").asString()).isEqualTo("4027000000");
        }
        assertThat(summary.at("/live/agreedInvestment/yuan").asString()).isEqualTo("121800000000");
        assertThat(summary.at("/agreedInvestment/yuan").asString()).isEqualTo("121800000000");
        assertThat(stats.at("/agreedInvestment/yuan").asString()).isEqualTo("121800000000");
        assertThat(wanzhou.at("/agreedInvestment/yuan").asString())
                .as("15亿 + 1153亿 + 13.3亿 + 12.1亿 hosted by Wanzhou").isEqualTo("119340000000");
    }

    @Test
    void the_2020_state_enterprise_occasion_reached_3_strategic_agreements_with_unnamed_signatories() {
        JsonNode group = occasionGroup("/api/stats/agreements?groupBy=occasion", "2020川渝国企万州行");
        JsonNode first = get("/api/agreements/cy-soe-strategic-2020-1");

        assertThat(group.get("agreements").asLong()).isEqualTo(3);
        assertThat(first.at("/kind/code").asString()).isEqualTo("STRATEGIC_COOPERATION");
        assertThat(first.get("inferred").asBoolean()).isTrue();
        assertThat(first.at("/provenance/quote").asString()).isEqualTo("活动中，达成3项战略合作协议");
    }

    @Test
    void the_5_plus_10_memorandum_of_12_parties_records_the_unnamed_ten() {
        JsonNode memo = get("/api/agreements/ecology-5-10-memo-2020");

        assertThat(ids(memo.get("signatories"), "code")).containsExactly("dianjiang", "dazhou",
                "unnamed-5-10-memo-others");
        assertThat(memo.at("/signatories/2/name").asString()).contains("其余10个");
    }

    @Test
    void kaizhou_paid_798_wan_yuan_of_internal_river_basin_compensation_beside_the_1100_wan_it_received() {
        awaitProjections();
        JsonNode agreement = get("/api/agreements/kaizhou-internal-basin-compensation");
        JsonNode kaizhou = get("/api/parties/kaizhou/overview");

        assertThat(agreement.at("/paymentsTotal/text").asString()).isEqualTo("798万元");
        assertThat(kaizhou.at("/signed/paymentsTotal/text").asString()).isEqualTo("1898万元");
    }

    @Test
    void the_2019_2_plus_16_framework_agreement_is_between_chongqing_and_sichuan() {
        JsonNode agreement = get("/api/agreements/chuanyu-2-16-2019");

        assertThat(ids(agreement.get("signatories"), "code")).containsExactly("chongqing", "sichuan");
        assertThat(agreement.get("signedOn").asString()).isEqualTo("2019-07-01");
        assertThat(agreement.at("/provenance/inferred/0/field").asString()).isEqualTo("signedOn");
    }

    @Test
    void wanzhou_signed_ten_department_agreements_with_dazhou_and_kaizhou_in_2020() {
        awaitProjections();
        List<String> agreements = ids(get("/api/agreements?party=wanzhou&size=100").get("items"));

        assertThat(agreements.stream().filter(id -> id.startsWith("wanzhou-dept-"))).hasSize(10);
    }

    @Test
    void the_three_wanzhou_liangjiang_platforms_opened_on_16_september() {
        for (String id : List.of("liangjiang-rnd-centre-wanzhou", "liangjiang-manufacturing-park-wanzhou",
                "wanzhou-green-manufacturing-centre")) {
            JsonNode project = get("/api/projects/" + id);

            assertThat(project.at("/status/code").asString()).isEqualTo("IN_OPERATION");
            assertThat(project.at("/milestones/completedOn").asString()).isEqualTo("2021-09-16");
        }
    }

    @Test
    void the_million_pig_project_paid_its_first_dividend_of_24_6_wan_which_is_no_investment() {
        JsonNode project = get("/api/projects/wanzhou-pig-1m");

        assertThat(project.at("/status/code").asString()).isEqualTo("IN_OPERATION");
        assertThat(project.get("note").asString()).contains("24.6万元");
        assertThat(project.get("agreedInvestment").isNull()).isTrue();
        assertThat(project.get("plannedInvestment").isNull()).isTrue();
    }

    @Test
    void the_wan_kai_expressway_opened_on_5_july_and_its_approximate_40_yi_is_no_amount() {
        JsonNode project = get("/api/projects/wankai-expressway");

        assertThat(project.at("/milestones/completedOn").asString()).isEqualTo("2021-07-05");
        assertThat(project.get("note").asString()).contains("近40亿元");
        assertThat(project.get("plannedInvestment").isNull()).isTrue();
    }

    @Test
    void chuanyu_tongban_says_its_list_size_is_not_a_source_figure() {
        JsonNode programme = get("/api/programmes/chuanyu-tongban-kaizhou");

        assertThat(programme.get("inferred").asBoolean()).isTrue();
        assertThat(ids(programme.at("/provenance/inferred"), "field")).contains("items[listed-completed].itemCount");
        assertThat(programme.get("note").asString()).contains("未报告清单总数");
    }

    @Test
    void what_the_dataset_leaves_out_is_listed_with_its_reason() throws Exception {
        String omitted = dataset().get("omitted").toString();

        assertThat(omitted).contains("36项年度重大项目").contains("8大类80项").contains("近40亿元")
                .contains("24.6万元").doesNotContain("798万元").doesNotContain("3项战略合作协议");
    }

    /**
     * Every record names its source file and a phrase of it; the phrase is in that file (line breaks removed) when
     * the source reports are at hand (../shared/seeds), and a record with inferred values says so in its view.
     */
    @Test
    void every_record_quotes_its_source_and_shows_whether_it_holds_inferred_values() throws Exception {
        JsonNode dataset = dataset();
        java.util.Set<String> files = new java.util.HashSet<>();
        dataset.get("sources").valueStream().forEach(s -> files.add(s.asString().split(":")[0]));
        Path seeds = Path.of("..", "..", "shared", "seeds");
        Map<String, String> paths = Map.of("parties", "/api/parties/", "agreements", "/api/agreements/",
                "projects", "/api/projects/", "programmes", "/api/programmes/");
        int records = 0;
        for (Map.Entry<String, String> section : paths.entrySet()) {
            for (JsonNode row : dataset.get(section.getKey())) {
                String id = row.has("id") ? row.get("id").asString() : row.get("code").asString();
                JsonNode view = get(section.getValue() + id);
                JsonNode provenance = view.get("provenance");

                assertThat(files).as(id).contains(provenance.get("source").asString());
                assertThat(provenance.get("quote").asString()).as(id).isNotBlank();
                assertThat(view.get("inferred").asBoolean()).as(id)
                        .isEqualTo(!provenance.get("inferred").isEmpty());
                if (Files.isDirectory(seeds)) {
                    String text = Files.readString(seeds.resolve(provenance.get("source").asString()))
                            .replace("\n", "");
                    assertThat(text).as("the quote of " + id).contains(provenance.get("quote").asString());
                }
                records++;
            }
        }
        assertThat(records).isEqualTo(94);
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
    void chuanyu_tongban_has_no_completion_rate_anywhere_because_its_list_size_is_unknown() {
        awaitProjections();
        JsonNode record = get("/api/programmes/chuanyu-tongban-kaizhou").get("counts");
        JsonNode stats = get("/api/stats/programmes?groupBy=programme");
        JsonNode tongban = group(stats, "chuanyu-tongban-kaizhou");
        JsonNode convenience = group(stats, "wky-convenience-2021");
        JsonNode listed = get("/api/programmes?size=100").get("items").valueStream()
                .filter(p -> p.get("id").asString().equals("chuanyu-tongban-kaizhou")).findFirst().orElseThrow();
        JsonNode summary = get("/api/summary").get("programmeItems");

        // the source gives only "已完成155项": no list size, so no rate, not 100%
        assertThat(record.get("ofListsOfUnknownSize").asLong()).isEqualTo(155);
        assertThat(tongban.get("completionRate").isNull()).as("%s", tongban).isTrue();
        assertThat(tongban.get("listSizeUnknown").asBoolean()).isTrue();
        assertThat(listed.at("/items/completionRate").isNull()).as("%s", listed).isTrue();
        // a list of known size keeps its rate: 13 of 15
        assertThat(convenience.get("completionRate").decimalValue()).isEqualByComparingTo("0.8667");
        // and the headline does not average the unknown rate in as 100%
        assertThat(summary.get("completionRate").isNull()).as("%s", summary).isTrue();
        assertThat(summary.get("listSizeUnknown").asBoolean()).isTrue();
    }

    private static JsonNode group(JsonNode stats, String key) {
        return stats.get("groups").valueStream().filter(g -> g.get("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + stats));
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

    private static List<String> ids(JsonNode list) {
        return ids(list, "id");
    }

    private static List<String> ids(JsonNode list, String field) {
        return list.valueStream().map(n -> n.get(field).asString()).toList();
    }

    private JsonNode dataset() throws Exception {
        try (InputStream in = new ClassPathResource(SeedLoader.DATASET).getInputStream()) {
            return json.readTree(in);
        }
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
