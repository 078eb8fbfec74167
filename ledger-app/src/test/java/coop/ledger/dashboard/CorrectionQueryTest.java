package coop.ledger.dashboard;

import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of correction (更正) shows in the list and statistics endpoints, as the record's own fold applies it,
 * and cooperation-list batches count as their items.
 */
class CorrectionQueryTest extends DashboardTest {

    private static final LocalDate SIGNED = LocalDate.of(2020, 12, 8);

    @Test
    void a_payment_correction_changes_the_agreement_total_by_the_difference() {
        String occasion = TestData.unique("付款更正");
        String id = signedAgreement(occasion);
        append("Agreement", id,
                new PaymentRecordedEvent(id, "p1", "wanzhou", "kaizhou", Money.parse("1000万元"),
                        LocalDate.of(2021, 6, 1), null),
                new PaymentRecordedEvent(id, "p2", "wanzhou", "kaizhou", Money.parse("100万元"),
                        LocalDate.of(2021, 9, 1), null),
                new PaymentCorrectedEvent(id, "p1", 1, null, null, Money.parse("800万元"), null, "金额录错",
                        LocalDate.of(2021, 6, 1)));
        awaitProjections();

        JsonNode listed = only(get("/api/agreements?occasion=" + enc(occasion)));
        JsonNode stats = get("/api/stats/agreements?groupBy=occasion&occasion=" + enc(occasion)).get("total");

        assertThat(listed.at("/paymentsTotal/yuan").asString()).isEqualTo("9000000");
        assertThat(listed.get("payments").asInt()).isEqualTo(2);
        assertThat(stats.at("/paymentsTotal/yuan").asString()).isEqualTo("9000000");
    }

    @Test
    void a_signing_correction_moves_the_agreement_to_its_corrected_occasion_and_date() {
        String wrong = TestData.unique("签约活动录错");
        String right = TestData.unique("签约活动更正");
        String id = signedAgreement(wrong);
        append("Agreement", id, new AgreementSigningCorrectedEvent(id, 0, "更正后的标题", LocalDate.of(2020, 12, 9),
                "达州", right, "签约信息录错", LocalDate.of(2020, 12, 9)));
        awaitProjections();

        JsonNode listed = only(get("/api/agreements?occasion=" + enc(right)));

        assertThat(get("/api/agreements?occasion=" + enc(wrong)).get("total").asLong()).isZero();
        assertThat(listed.get("title").asString()).isEqualTo("更正后的标题");
        assertThat(listed.get("signedOn").asString()).isEqualTo("2020-12-09");
        assertThat(listed.get("place").asString()).isEqualTo("达州");
        assertThat(get("/api/stats/agreements?groupBy=occasion&occasion=" + enc(right)).at("/total/agreements")
                .asLong()).isEqualTo(1);
    }

    @Test
    void a_project_correction_shows_in_the_project_list_and_the_occasion_stats() {
        String occasion = TestData.unique("项目更正");
        String host = TestData.unique("kaizhou");
        String id = TestData.unique("corrected-project");
        project(id, new ProjectSignedEvent(id, "川渝国企万州行签约项目", List.of("cq-soe"), List.of("wanzhou"), occasion,
                        null, CooperationDomain.INDUSTRY, Money.parse("1153亿元"), SIGNED, false, 43, null),
                new ProjectCorrectedEvent(id, 0, Money.parse("1150亿元"), null, List.of("wanzhou", host), null, null,
                        CooperationDomain.TRANSPORT, 42, "录入错误", SIGNED));
        awaitProjections();

        JsonNode stats = get("/api/stats/projects?groupBy=occasion&occasion=" + enc(occasion)).get("total");
        JsonNode hosted = only(get("/api/projects?party=" + host + "&role=HOST"));

        assertThat(stats.get("projects").asLong()).isEqualTo(42);
        assertThat(stats.at("/agreedInvestment/yuan").asString()).isEqualTo("115000000000");
        assertThat(hosted.get("id").asString()).isEqualTo(id);
        assertThat(hosted.at("/domain/code").asString()).isEqualTo("TRANSPORT");
    }

    @Test
    void an_investment_report_correction_changes_the_actual_investment_by_the_difference() {
        String occasion = TestData.unique("投资更正");
        String id = TestData.unique("reported-project");
        project(id, new ProjectSignedEvent(id, "万开新材料产业园", List.of("pe"), List.of("wanzhou"), occasion, null,
                        CooperationDomain.INDUSTRY, Money.parse("13.3亿元"), SIGNED, false, 1, null),
                new InvestmentReportedEvent(id, "r1", Money.parse("2亿元"), LocalDate.of(2021, 6, 30), null),
                new InvestmentReportedEvent(id, "r2", Money.parse("0.5亿元"), LocalDate.of(2021, 9, 30), null),
                new InvestmentReportCorrectedEvent(id, "r1", 1, Money.parse("1.5亿元"), null, "报表更正",
                        LocalDate.of(2021, 6, 30)));
        awaitProjections();

        JsonNode listed = only(get("/api/projects?occasion=" + enc(occasion)));
        JsonNode stats = get("/api/stats/projects?groupBy=occasion&occasion=" + enc(occasion)).get("total");

        assertThat(listed.at("/actualInvestment/yuan").asString()).isEqualTo("200000000");
        assertThat(stats.at("/actualInvestment/yuan").asString()).isEqualTo("200000000");
    }

    @Test
    void a_service_item_correction_changes_the_programme_counts_and_category() {
        String id = TestData.unique("tongban");
        programme(id, new ProgrammeDeclaredEvent(id, "川渝通办", List.of("wanzhou"), "2021", List.of("政务服务"),
                        LocalDate.of(2021, 1, 10), null),
                new ServiceItemListedEvent(id, "first", "第一批通办事项", "政务服务", List.of("wanzhou"),
                        LocalDate.of(2021, 12, 31), false, 155, LocalDate.of(2021, 1, 10), "来源只报告总数"),
                new ServiceItemCompletedEvent(id, "first", LocalDate.of(2021, 12, 31), "全部实现"),
                new ServiceItemCorrectedEvent(id, "first", 1, 150, null, "医保", "总数录错", LocalDate.of(2021, 1, 10)));
        awaitProjections();

        JsonNode total = get("/api/stats/programmes?groupBy=category&programme=" + id).get("total");
        JsonNode byCategory = get("/api/stats/programmes?groupBy=category&programme=" + id).get("groups").get(0);

        assertThat(total.get("planned").asLong()).isEqualTo(150);
        assertThat(total.get("completed").asLong()).isEqualTo(150);
        assertThat(byCategory.get("key").asString()).isEqualTo("医保");
        assertThat(get("/api/programmes?party=wanzhou&size=100").get("items").valueStream()
                .filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow()
                .at("/items/planned").asLong()).isEqualTo(150);
    }

    @Test
    void a_batch_entry_counts_as_its_items_in_lists_stats_and_the_party_overview() {
        String occasion = TestData.unique("明月山");
        String party = TestData.unique("liangping");
        String id = signedAgreement(occasion);
        append("Agreement", id,
                new CooperationItemListedEvent(id, "joint", "共建事项", null, List.of(party), null, SIGNED, 83,
                        "来源只报总数"),
                new CooperationItemListedEvent(id, "one", "单项事项", null, List.of(party), null, SIGNED, null, null),
                new CooperationItemCompletedEvent(id, "joint", LocalDate.of(2021, 12, 31), "完成"));
        awaitProjections();

        JsonNode listed = only(get("/api/agreements?occasion=" + enc(occasion))).get("items");
        JsonNode stats = get("/api/stats/agreements?groupBy=occasion&occasion=" + enc(occasion)).at("/total/items");

        assertThat(listed.get("total").asLong()).isEqualTo(84);
        assertThat(listed.get("completed").asLong()).isEqualTo(83);
        assertThat(stats.get("total").asLong()).isEqualTo(84);
    }

    private String signedAgreement(String occasion) {
        String id = TestData.unique("corrected-agreement");
        append("Agreement", id, new AgreementSignedEvent(id, "万达开川渝统筹发展示范区合作框架协议",
                AgreementKind.FRAMEWORK, List.of("wanzhou", "kaizhou"), List.of(), SIGNED, "万州", occasion,
                Set.of(CooperationDomain.INDUSTRY), "概要"));
        return id;
    }

    private JsonNode get(String path) {
        Reply reply = api.get(path).send();
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("total").asLong()).as("%s", page).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
