package coop.ledger.dashboard.projection;

import coop.ledger.project.api.InvestmentReportedEvent;
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

import static coop.ledger.dashboard.projection.AgreementRowTest.at;
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

        assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(completed.completedOn()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(cancelled.cancelledOn()).isEqualTo(LocalDate.of(2021, 8, 1));
    }
}
