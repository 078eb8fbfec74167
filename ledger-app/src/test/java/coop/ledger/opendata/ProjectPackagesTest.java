package coop.ledger.opendata;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.PartyKind;
import coop.ledger.shared.Provenance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OC4IDS mapping of signed projects, from events folded by the core: what each ledger fact becomes, that the
 * package validates against the official schema, and that the schema check fails a broken package.
 */
class ProjectPackagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Publication PUBLICATION = new Publication("合作协议台账", "https://ledger.example.org",
            "oc4ids-test-", null);
    private static final Instant T0 = Instant.parse("2021-01-05T02:00:00Z");
    private static final String LOGISTICS_AGREEMENT = "three-gorges-logistics-2020";
    private static final String HUB = "three-gorges-logistics-hub";

    /** The Three Gorges logistics hub: signed, corrected, started, reported, its agreement amended. */
    private final List<Recorded> history = new ArrayList<>(List.of(
            recorded("wanzhou", 0, 0, new PartyRegisteredEvent("wanzhou", "万州区", "Wanzhou District",
                    PartyKind.GOVERNMENT, "chongqing", null)),
            recorded("chongqing", 0, 0, new PartyRegisteredEvent("chongqing", "重庆市", "Chongqing Municipality",
                    PartyKind.GOVERNMENT, null, null)),
            recorded("wanzhou-ybj", 0, 0, new PartyRegisteredEvent("wanzhou-ybj", "万州区医保局", null,
                    PartyKind.DEPARTMENT, "wanzhou", null)),
            recorded("sc-port", 0, 0, new PartyRegisteredEvent("sc-port", "四川省港航投资集团", null,
                    PartyKind.STATE_OWNED_ENTERPRISE, null, null)),
            recorded("wanshang", 0, 0, new PartyRegisteredEvent("wanshang", "万商物流", null,
                    PartyKind.STATE_OWNED_ENTERPRISE, null, null)),
            recorded(LOGISTICS_AGREEMENT, 0, 1, new AgreementSignedEvent(LOGISTICS_AGREEMENT, "三峡综合物流枢纽合作协议",
                    AgreementKind.COOPERATION, List.of("wanzhou", "sc-port"), List.of(), LocalDate.of(2020, 9, 28),
                    "万州", null, Set.of(CooperationDomain.LOGISTICS), "共建三峡综合物流枢纽")),
            recorded(HUB, 0, 2, new ProjectSignedEvent(HUB, "三峡综合物流枢纽", List.of("sc-port", "wanshang"),
                    List.of("wanzhou", "wanzhou-ybj"), null, LOGISTICS_AGREEMENT, CooperationDomain.LOGISTICS,
                    Money.parse("15亿元"), LocalDate.of(2020, 9, 28), false, 1, "初期投资15亿元")),
            recorded(HUB, 1, 3, new ProjectCorrectedEvent(HUB, 0, Money.parse("16亿元"), null, null, null, null, null,
                    null, "录入时把16亿元误记为15亿元", LocalDate.of(2020, 9, 28))),
            recorded(HUB, 2, 4, new ProjectConstructionStartedEvent(HUB, LocalDate.of(2020, 11, 2))),
            recorded(HUB, 3, 5, new InvestmentReportedEvent(HUB, "2020", Money.parse("2亿元"),
                    LocalDate.of(2020, 12, 31), "年度投资")),
            recorded(HUB, 4, 6, new InvestmentReportCorrectedEvent(HUB, "2020", 3, Money.parse("2.5亿元"), null,
                    "年报更正", LocalDate.of(2020, 12, 31))),
            recorded(LOGISTICS_AGREEMENT, 1, 7, new AgreementAmendedEvent(LOGISTICS_AGREEMENT,
                    LocalDate.of(2021, 3, 1), null, null, null, "增加冷链物流中心", "项目范围扩大")),
            recorded("sc-port", 1, 8, new PartyRenamedEvent("sc-port", "四川省港航投资集团", null,
                    "四川省港航投资集团有限责任公司", null, LocalDate.of(2021, 2, 1), "更名"))));

    @Test
    void hosts_are_public_authorities_investors_funders_and_the_agreements_signatories_are_named() {
        JsonNode project = onlyProject(packageAt(hours(100)));

        assertThat(project.path("id").asString()).isEqualTo("oc4ids-test-" + HUB);
        assertThat(project.path("publicAuthority").path("id").asString()).isEqualTo("wanzhou");
        assertThat(roles(project, "wanzhou")).containsExactly("publicAuthority", "agreementSignatory");
        assertThat(roles(project, "wanzhou-ybj")).containsExactly("publicAuthority");
        assertThat(roles(project, "sc-port")).containsExactly("funder", "agreementSignatory");
        assertThat(roles(project, "wanshang")).containsExactly("funder");
        assertThat(party(project, "sc-port").path("name").asString()).isEqualTo("四川省港航投资集团有限责任公司");
    }

    @Test
    void the_budget_is_the_agreed_investment_in_yuan_and_actual_investment_a_metric_as_corrected() {
        JsonNode project = onlyProject(packageAt(hours(100)));

        assertThat(project.path("budget").path("amount").path("amount").decimalValue())
                .isEqualByComparingTo("1600000000");
        assertThat(project.path("budget").path("amount").path("currency").asString()).isEqualTo("CNY");
        JsonNode actual = project.path("metrics").get(0);
        assertThat(actual.path("id").asString()).isEqualTo("actualInvestment");
        assertThat(actual.path("observations").get(0).path("value").path("amount").decimalValue())
                .isEqualByComparingTo("250000000");
        assertThat(project.has("forecasts")).as("no total planned investment recorded").isFalse();
    }

    @Test
    void a_total_planned_investment_is_a_forecast_never_the_budget_and_inferred_values_are_marked() {
        history.add(recorded("wanzhou-edz", 0, 9, new ProjectSignedEvent("wanzhou-edz", "万州经开区集中开工项目",
                List.of("wanshang"), List.of("wanzhou"), null, null, CooperationDomain.INDUSTRY, null,
                LocalDate.of(2021, 10, 17), false, 11, null, Money.parse("40.27亿元"),
                new Provenance("002_d845902defb982b8.txt", "总投资达40.27亿元",
                        List.of(new Provenance.Inferred("signedOn", "来源未报道签约日期，记为开工当日"))))));

        JsonNode projectPackage = packageAt(hours(100));

        assertThat(Oc4idsSchema.errorsIn(projectPackage)).isEmpty();
        JsonNode batch = projectPackage.path("projects").valueStream()
                .filter(p -> p.path("identifiers").get(0).path("id").asString().equals("wanzhou-edz")).findFirst()
                .orElseThrow();
        assertThat(batch.has("budget")).as("planned investment is not agreed investment").isFalse();
        assertThat(batch.path("contractingProcesses").get(0).path("summary").has("contractValue")).isFalse();
        JsonNode planned = batch.path("forecasts").get(0);
        assertThat(planned.path("id").asString()).isEqualTo("totalPlannedInvestment");
        assertThat(planned.path("observations").get(0).path("value").path("amount").decimalValue())
                .isEqualByComparingTo("4027000000");
        assertThat(planned.path("observations").get(0).path("value").path("currency").asString()).isEqualTo("CNY");
        assertThat(batch.path("additionalClassifications").valueStream()
                .filter(c -> c.path("scheme").asString().equals("COOP-LEDGER-INFERRED"))
                .map(c -> c.path("id").asString() + " " + c.path("description").asString()))
                .containsExactly("signedOn 推定 inferred: 来源未报道签约日期，记为开工当日");
        assertThat(batch.path("description").asString()).contains("含推定值", "signedOn");
        JsonNode hub = projectPackage.path("projects").get(0);
        assertThat(hub.path("identifiers").get(0).path("id").asString()).isEqualTo(HUB);
        assertThat(hub.path("additionalClassifications")).as("nothing inferred, nothing marked").hasSize(1);
        assertThat(hub.path("description").asString()).doesNotContain("推定");
    }

    @Test
    void a_correction_that_moves_the_amount_to_planned_investment_empties_the_budget_and_says_so() {
        history.add(recorded(HUB, 5, 9, new ProjectCorrectedEvent(HUB, 1, null, null, null, null, null, null, null,
                "来源的16亿元是总投资，不是协议投资", LocalDate.of(2020, 9, 28), Money.parse("16亿元"), true, null)));

        JsonNode projectPackage = packageAt(hours(100));

        assertThat(Oc4idsSchema.errorsIn(projectPackage)).isEmpty();
        JsonNode project = onlyProject(projectPackage);
        assertThat(project.has("budget")).isFalse();
        assertThat(project.path("forecasts").get(0).path("observations").get(0).path("value").path("amount")
                .decimalValue()).isEqualByComparingTo("1600000000");
        JsonNode move = project.path("contractingProcesses").get(0).path("summary").path("modifications").get(3);
        assertThat(move.path("rationale").asString()).isEqualTo("来源的16亿元是总投资，不是协议投资");
        assertThat(move.path("description").asString())
                .contains("协议投资 agreed investment 16亿元 → —", "总投资 total planned investment — → 16亿元");
        assertThat(move.path("oldContractValue").path("amount").decimalValue()).isEqualByComparingTo("1600000000");
        assertThat(move.has("newContractValue")).isFalse();
    }

    @Test
    void status_sector_period_locations_and_the_agreement_follow_the_codelists() {
        JsonNode project = onlyProject(packageAt(hours(100)));

        assertThat(project.path("status").asString()).isEqualTo("implementation");
        assertThat(project.path("sector").valueStream().map(JsonNode::asString)).containsExactly("transport");
        assertThat(project.path("additionalClassifications").get(0).path("id").asString()).isEqualTo("LOGISTICS");
        assertThat(project.path("period").path("startDate").asString()).isEqualTo("2020-09-28T00:00:00+08:00");
        // the department's district is its government's: one location for both hosts
        assertThat(project.path("locations").valueStream().map(l -> l.path("id").asString()))
                .containsExactly("wanzhou");
        assertThat(project.path("locations").get(0).path("address").path("region").asString()).isEqualTo("重庆市");
        JsonNode document = project.path("documents").get(0);
        assertThat(document.path("id").asString()).isEqualTo(LOGISTICS_AGREEMENT);
        assertThat(document.path("title").asString()).isEqualTo("三峡综合物流枢纽合作协议");
    }

    @Test
    void corrections_and_amendments_are_modifications_with_their_reasons_in_recorded_order() {
        JsonNode modifications = onlyProject(packageAt(hours(100))).path("contractingProcesses").get(0)
                .path("summary").path("modifications");

        assertThat(modifications.valueStream().map(m -> m.path("rationale").asString()))
                .containsExactly("录入时把16亿元误记为15亿元", "年报更正", "项目范围扩大");
        JsonNode amount = modifications.get(0);
        assertThat(amount.path("type").asString()).isEqualTo("value");
        assertThat(amount.path("oldContractValue").path("amount").decimalValue()).isEqualByComparingTo("1500000000");
        assertThat(amount.path("newContractValue").path("amount").decimalValue()).isEqualByComparingTo("1600000000");
        assertThat(amount.path("date").asString()).isEqualTo("2021-01-05T05:00:00Z");
        assertThat(modifications.get(2).path("description").asString()).contains("增加冷链物流中心");
    }

    @Test
    void as_recorded_at_an_instant_the_package_shows_only_what_was_recorded_by_then() {
        JsonNode before = packageAt(hours(2));

        JsonNode project = onlyProject(before);
        assertThat(project.path("budget").path("amount").path("amount").decimalValue())
                .isEqualByComparingTo("1500000000");
        assertThat(project.path("status").asString()).isEqualTo("preparation");
        assertThat(project.path("contractingProcesses").get(0).path("summary").has("modifications")).isFalse();
        assertThat(before.path("publishedDate").asString()).isEqualTo("2021-01-05T04:00:00Z");
        assertThat(before.path("uri").asString())
                .isEqualTo("https://ledger.example.org/api/open-data/oc4ids?recordedAt=2021-01-05T04%3A00%3A00Z");
        assertThat(ProjectPackages.of(ledgerAt(hours(1)), PUBLICATION, hours(1))).as("before any project").isEmpty();
    }

    @Test
    void a_cancelled_intention_batch_says_what_it_stands_for_and_why_it_was_cancelled() {
        history.add(recorded("intentions", 0, 9, new ProjectSignedEvent("intentions", "汽车产业意向性合作协议",
                List.of("sc-port"), List.of("wanzhou"), "万开云产业协同发展项目集中签约", null,
                CooperationDomain.PUBLIC_SERVICES, null, LocalDate.of(2021, 10, 17), true, 3, null)));
        history.add(recorded("intentions", 1, 10, new ProjectCancelledEvent("intentions", LocalDate.of(2022, 1, 1),
                "企业放弃")));

        JsonNode projectPackage = packageAt(hours(100));

        assertThat(Oc4idsSchema.errorsIn(projectPackage)).isEmpty();
        JsonNode cancelled = projectPackage.path("projects").get(0);
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.has("budget")).isFalse();
        assertThat(cancelled.has("sector")).as("public services map to no projectSector code").isFalse();
        assertThat(cancelled.path("additionalClassifications").get(0).path("id").asString())
                .isEqualTo("PUBLIC_SERVICES");
        assertThat(cancelled.path("description").asString()).contains("3个项目", "意向");
        assertThat(cancelled.path("milestones").valueStream().filter(m -> m.path("id").asString().equals("cancelled"))
                .map(m -> m.path("description").asString())).containsExactly("企业放弃");
    }

    @Test
    void the_package_validates_against_the_official_schema_and_uses_the_codelists() {
        JsonNode projectPackage = packageAt(hours(100));

        assertThat(Oc4idsSchema.errorsIn(projectPackage)).isEmpty();
        JsonNode project = onlyProject(projectPackage);
        assertThat(Oc4idsSchema.codelist("projectStatus")).contains(project.path("status").asString());
        project.path("sector").forEach(s -> assertThat(Oc4idsSchema.codelist("projectSector")).contains(s.asString()));
        // partyRole is open: agreementSignatory is the one code the package adds (docs/open-data-oc4ids.md)
        project.path("parties").forEach(p -> p.path("roles").valueStream().map(JsonNode::asString)
                .filter(role -> !role.equals(Codelists.AGREEMENT_SIGNATORY))
                .forEach(role -> assertThat(Oc4idsSchema.codelist("partyRole")).contains(role)));
    }

    @Test
    void the_schema_check_fails_a_broken_package() {
        JsonNode valid = packageAt(hours(100));

        ObjectNode wrongStatus = (ObjectNode) valid.deepCopy();
        ((ObjectNode) wrongStatus.path("projects").get(0)).put("status", "SIGNED");
        ObjectNode amountAsText = (ObjectNode) valid.deepCopy();
        ((ObjectNode) amountAsText.path("projects").get(0).path("budget").path("amount")).put("amount", "16亿元");
        ObjectNode noPublisher = (ObjectNode) valid.deepCopy();
        noPublisher.remove("publisher");
        ObjectNode noProjects = (ObjectNode) valid.deepCopy();
        noProjects.putArray("projects");
        ObjectNode dateOnly = (ObjectNode) valid.deepCopy();
        ((ObjectNode) dateOnly.path("projects").get(0).path("period")).put("startDate", "2020-09-28");

        assertThat(Oc4idsSchema.errorsIn(valid)).isEmpty();
        assertThat(Oc4idsSchema.errorsIn(wrongStatus)).anyMatch(e -> e.contains("status"));
        assertThat(Oc4idsSchema.errorsIn(amountAsText)).anyMatch(e -> e.contains("amount"));
        assertThat(Oc4idsSchema.errorsIn(noPublisher)).anyMatch(e -> e.contains("publisher"));
        assertThat(Oc4idsSchema.errorsIn(noProjects)).anyMatch(e -> e.contains("projects"));
        assertThat(Oc4idsSchema.errorsIn(dateOnly)).anyMatch(e -> e.contains("startDate"));
    }

    private record Recorded(String recordId, long sequence, Instant recordedAt, Object event) {
    }

    /** Event {@code sequence} of a record, recorded {@code hour} hours after {@link #T0}. */
    private static Recorded recorded(String recordId, long sequence, int hour, Object event) {
        return new Recorded(recordId, sequence, hours(hour), event);
    }

    private static Instant hours(int hours) {
        return T0.plusSeconds(3600L * hours);
    }

    private RecordedLedger ledgerAt(Instant instant) {
        RecordedLedger ledger = new RecordedLedger(instant);
        history.forEach(r -> ledger.accept(r.recordId(), r.sequence(), r.recordedAt(), r.event()));
        return ledger;
    }

    private JsonNode packageAt(Instant instant) {
        return JSON.valueToTree(ProjectPackages.of(ledgerAt(instant), PUBLICATION, instant).orElseThrow());
    }

    private static JsonNode onlyProject(JsonNode projectPackage) {
        assertThat(projectPackage.path("projects")).hasSize(1);
        return projectPackage.path("projects").get(0);
    }

    private static JsonNode party(JsonNode project, String code) {
        return project.path("parties").valueStream().filter(p -> p.path("id").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no party " + code));
    }

    private static List<String> roles(JsonNode project, String code) {
        return party(project, code).path("roles").valueStream().map(JsonNode::asString).toList();
    }
}
