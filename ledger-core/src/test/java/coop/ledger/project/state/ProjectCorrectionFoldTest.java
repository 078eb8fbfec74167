package coop.ledger.project.state;

import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.report;
import static org.assertj.core.api.Assertions.assertThat;

/** Current state of a project takes the corrected values; fields a correction leaves null keep theirs. */
class ProjectCorrectionFoldTest {

    @Test
    void a_project_correction_replaces_only_the_corrected_values() {
        ProjectState state = ProjectState.fold(null, digitalParkSigned());

        ProjectState corrected = ProjectState.fold(state, new ProjectCorrectedEvent(DIGITAL_PARK, 0,
                Money.parse("12.5亿元"), null, List.of(WANZHOU, KAIZHOU), null, null, CooperationDomain.INDUSTRY, 7,
                "以通稿为准", state.signedOn()));

        assertThat(corrected.agreedInvestment()).isEqualTo(Money.parse("12.5亿元"));
        assertThat(corrected.hostParties()).containsExactly(WANZHOU, KAIZHOU);
        assertThat(corrected.domain()).isEqualTo(CooperationDomain.INDUSTRY);
        assertThat(corrected.projectCount()).isEqualTo(7);
        assertThat(corrected.investors()).isEqualTo(state.investors());
        assertThat(corrected.signedOn()).isEqualTo(state.signedOn());
        assertThat(corrected.occasion()).isEqualTo(state.occasion());
        assertThat(corrected.version()).isEqualTo(2);
    }

    @Test
    void a_correction_moves_an_amount_from_agreed_to_planned_investment_and_back() {
        ProjectState state = ProjectState.fold(null, digitalParkSigned());

        ProjectState moved = ProjectState.fold(state, new ProjectCorrectedEvent(DIGITAL_PARK, 0, null, null, null,
                null, null, null, null, "来源的数字是总投资", state.signedOn(), state.agreedInvestment(), true, null));
        ProjectState back = ProjectState.fold(moved, new ProjectCorrectedEvent(DIGITAL_PARK, 1,
                Money.parse("12亿元"), null, null, null, null, null, null, "协议投资12亿元", state.signedOn(), null,
                null, true));

        assertThat(moved.agreedInvestment()).isNull();
        assertThat(moved.plannedInvestment()).isEqualTo(state.agreedInvestment());
        assertThat(back.agreedInvestment()).isEqualTo(Money.parse("12亿元"));
        assertThat(back.plannedInvestment()).isNull();
    }

    @Test
    void a_report_correction_changes_the_actual_investment() {
        ProjectState state = ProjectState.fold(ProjectState.fold(null, digitalParkSigned()), report().event());

        ProjectState corrected = ProjectState.fold(state, new InvestmentReportCorrectedEvent(DIGITAL_PARK, "2021-q3",
                1, Money.parse("1000万元"), null, "统计口径更正", LocalDate.of(2021, 9, 30)));

        assertThat(corrected.actualInvestment()).isEqualTo(Money.parse("1000万元"));
        assertThat(corrected.reports().get(0).reportedOn()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(corrected.reports().get(0).note()).isEqualTo("第三季度完成投资");
    }
}
