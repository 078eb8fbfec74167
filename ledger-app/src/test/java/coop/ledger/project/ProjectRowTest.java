package coop.ledger.project;

import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.state.ProjectState;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.agreement.AgreementRowTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/** How a signed project's dashboard row follows its events. */
class ProjectRowTest {

    private static ProjectSignedEvent signing(String id, Money agreed, boolean intention, int count) {
        return new ProjectSignedEvent(id, "川渝国企万州行签约项目", List.of("cq-soe"), List.of("wanzhou"),
                "2020川渝国企万州行", null, CooperationDomain.INDUSTRY, agreed, LocalDate.of(2020, 12, 8), intention,
                count, null);
    }

    @Test
    void a_batch_record_counts_as_the_projects_it_stands_for() {
        ProjectRow row = ProjectRow.signed(signing("batch", Money.parse("1153亿元"), false, 43), at(0));

        assertThat(row.projectCount()).isEqualTo(43);
        assertThat(row.status()).isEqualTo(ProjectStatus.SIGNED);
        assertThat(row.agreedInvestment()).isEqualTo(Money.ofYuan("115300000000"));
        assertThat(row.actualInvestment()).isEqualTo(Money.zero());
        assertThat(row.hostParties()).containsExactly("wanzhou");
    }

    @Test
    void an_intention_without_amount_is_firmed_up_with_one() {
        ProjectRow intention = ProjectRow.signed(signing("resort", null, true, 1), at(0));
        ProjectRow firm = intention.apply(new ProjectFirmedUpEvent("resort", LocalDate.of(2021, 7, 1),
                Money.parse("5亿元")), at(1));

        assertThat(intention.status()).isEqualTo(ProjectStatus.INTENTION);
        assertThat(intention.agreedInvestment()).isNull();
        assertThat(firm.status()).isEqualTo(ProjectStatus.SIGNED);
        assertThat(firm.intention()).isFalse();
        assertThat(firm.agreedInvestment()).isEqualTo(Money.parse("5亿元"));
        assertThat(firm.firmedUpOn()).isEqualTo(LocalDate.of(2021, 7, 1));
    }

    @Test
    void firming_up_without_an_amount_keeps_the_agreed_investment() {
        ProjectRow row = ProjectRow.signed(signing("p", Money.parse("2亿元"), true, 1), at(0))
                .apply(new ProjectFirmedUpEvent("p", LocalDate.of(2021, 7, 1), null), at(1));

        assertThat(row.agreedInvestment()).isEqualTo(Money.parse("2亿元"));
    }

    @Test
    void actual_investment_is_the_exact_sum_of_reports_each_counted_once() {
        InvestmentReportedEvent first = new InvestmentReportedEvent("plant", "r1", Money.parse("2亿元"),
                LocalDate.of(2021, 6, 30), null);
        InvestmentReportedEvent second = new InvestmentReportedEvent("plant", "r2", Money.ofYuan("0.01"),
                LocalDate.of(2021, 9, 30), null);

        ProjectRow row = ProjectRow.signed(signing("plant", Money.parse("13.3亿元"), false, 1), at(0))
                .apply(new ProjectConstructionStartedEvent("plant", LocalDate.of(2021, 5, 1)), at(1))
                .apply(first, at(2))
                .apply(second, at(3));

        assertThat(row.actualInvestment()).isEqualTo(Money.ofYuan("200000000.01"));
        assertThat(row.investmentReports()).isEqualTo(2);
        assertThat(row.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(row.apply(first, at(2)).apply(second, at(3))).isEqualTo(row);
    }

    @Test
    void completion_and_cancellation_set_status_and_date() {
        ProjectRow row = ProjectRow.signed(signing("p", Money.parse("1亿元"), false, 1), at(0));

        ProjectRow completed = row.apply(new ProjectCompletedEvent("p", LocalDate.of(2022, 1, 1)), at(1));
        ProjectRow cancelled = row.apply(new ProjectCancelledEvent("p", LocalDate.of(2021, 8, 1), "用地未落实"), at(1));

        assertThat(completed.status()).isEqualTo(ProjectStatus.IN_OPERATION);
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(cancelled.cancelledOn()).isEqualTo(LocalDate.of(2021, 8, 1));
    }

    @Test
    void a_project_correction_shows_the_corrected_signing_as_the_fold_does() {
        ProjectSignedEvent signing = signing("batch", Money.parse("1153亿元"), false, 43);
        ProjectCorrectedEvent correction = new ProjectCorrectedEvent("batch", 0, Money.parse("1150亿元"),
                LocalDate.of(2020, 12, 9), List.of("wanzhou", "kaizhou"), List.of("cq-soe", "cq-invest"),
                "2020川渝合作推进会", CooperationDomain.TRANSPORT, 42, "录入错误", LocalDate.of(2020, 12, 9));

        ProjectRow row = ProjectRow.signed(signing, at(0)).apply(correction, at(1));
        ProjectState state = ProjectState.fold(ProjectState.fold(null, signing), correction);

        assertThat(row.agreedInvestment()).isEqualTo(state.agreedInvestment()).isEqualTo(Money.parse("1150亿元"));
        assertThat(row.signedOn()).isEqualTo(state.signedOn());
        assertThat(row.hostParties()).isEqualTo(state.hostParties());
        assertThat(row.investors()).isEqualTo(state.investors());
        assertThat(row.occasion()).isEqualTo(state.occasion());
        assertThat(row.domain()).isEqualTo(state.domain());
        assertThat(row.projectCount()).isEqualTo(state.projectCount()).isEqualTo(42);
        assertThat(row.apply(correction, at(1))).isEqualTo(row);
    }

    @Test
    void a_correction_with_only_some_values_keeps_the_others() {
        ProjectRow signed = ProjectRow.signed(signing("p", Money.parse("2亿元"), false, 3), at(0));
        ProjectRow row = signed.apply(new ProjectCorrectedEvent("p", 0, null, null, null, null, null, null, 4,
                "漏记一个", LocalDate.of(2020, 12, 8)), at(1));

        assertThat(row.projectCount()).isEqualTo(4);
        assertThat(row.agreedInvestment()).isEqualTo(signed.agreedInvestment());
        assertThat(row.hostParties()).isEqualTo(signed.hostParties());
        assertThat(row.occasion()).isEqualTo(signed.occasion());
    }

    @Test
    void a_report_correction_changes_the_actual_investment_by_the_difference_once() {
        ProjectSignedEvent signing = signing("p", Money.parse("2亿元"), false, 1);
        InvestmentReportedEvent first = new InvestmentReportedEvent("p", "r1", Money.parse("3000万元"),
                LocalDate.of(2021, 6, 30), null);
        InvestmentReportedEvent second = new InvestmentReportedEvent("p", "r2", Money.parse("1000万元"),
                LocalDate.of(2021, 12, 31), null);
        InvestmentReportCorrectedEvent correction = new InvestmentReportCorrectedEvent("p", "r1", 1,
                Money.parse("3500万元"), LocalDate.of(2021, 7, 1), "报表更正", LocalDate.of(2021, 7, 1));
        ProjectRow row = ProjectRow.signed(signing, at(0)).apply(first, at(1)).apply(second, at(2));
        InvestmentReportRow report = InvestmentReportRow.reported(first, at(1));

        InvestmentReportRow corrected = report.corrected(correction, at(3));
        ProjectRow after = row.reportCorrected(report.amount(), corrected.amount(), at(3));
        ProjectState state = ProjectState.fold(null, signing);
        for (var e : List.of(first, second, correction)) {
            state = ProjectState.fold(state, e);
        }

        assertThat(after.actualInvestment()).isEqualTo(state.actualInvestment()).isEqualTo(Money.parse("4500万元"));
        assertThat(corrected.reportedOn()).isEqualTo(state.report("r1").orElseThrow().reportedOn());
        assertThat(after.investmentReports()).isEqualTo(2);
        assertThat(after.reportCorrected(report.amount(), corrected.amount(), at(3))).isEqualTo(after);
    }

    @Test
    void a_completed_project_is_in_operation_in_the_cores_vocabulary() {
        ProjectRow row = ProjectRow.signed(signing("p", null, false, 1), at(0))
                .apply(new ProjectCompletedEvent("p", LocalDate.of(2022, 1, 1)), at(1));

        assertThat(row.status()).isEqualTo(ProjectStatus.IN_OPERATION);
    }
}
