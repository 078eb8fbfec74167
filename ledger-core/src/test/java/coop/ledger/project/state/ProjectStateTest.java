package coop.ledger.project.state;

import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.state.ProjectState.InvestmentReport;
import coop.ledger.shared.Money;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Parties.SAIC_HONGYAN;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.ZBJ;
import static coop.ledger.testdata.Projects.CANCELLED_ON;
import static coop.ledger.testdata.Projects.CANCEL_REASON;
import static coop.ledger.testdata.Projects.COMPLETED_ON;
import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.DIGITAL_PARK_NAME;
import static coop.ledger.testdata.Projects.FIRMED_UP_ON;
import static coop.ledger.testdata.Projects.HONGYAN_INTENTION;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.STARTED_ON;
import static coop.ledger.testdata.Projects.cancelled;
import static coop.ledger.testdata.Projects.completed;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.firmedUp;
import static coop.ledger.testdata.Projects.hongyanIntentionSigned;
import static coop.ledger.testdata.Projects.report;
import static coop.ledger.testdata.Projects.started;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectStateTest {

    private static ProjectState fold(ProjectEvent... events) {
        ProjectState state = null;
        for (ProjectEvent event : events) {
            state = ProjectState.fold(state, event);
        }
        return state;
    }

    @Test
    void a_signed_project_keeps_every_signing_fact_at_version_1() {
        ProjectState state = fold(digitalParkSigned());

        assertThat(state.projectId()).isEqualTo(DIGITAL_PARK);
        assertThat(state.name()).isEqualTo(DIGITAL_PARK_NAME);
        assertThat(state.investors()).containsExactly(ZBJ);
        assertThat(state.hostParties()).containsExactly(WANZHOU);
        assertThat(state.agreedInvestment()).isEqualTo(Money.parse("12.1亿元"));
        assertThat(state.projectCount()).isEqualTo(6);
        assertThat(state.note()).isEqualTo("来源只报告6家入园企业的协议总投资");
        assertThat(state.signedOn()).isEqualTo(SIGNED_ON);
        assertThat(state.signedAsIntention()).isFalse();
        assertThat(state.status()).isEqualTo(ProjectStatus.SIGNED);
        assertThat(state.reports()).isEmpty();
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void an_intention_is_an_intention_until_firmed_up() {
        ProjectState intention = fold(hongyanIntentionSigned());

        assertThat(intention.status()).isEqualTo(ProjectStatus.INTENTION);
        assertThat(intention.investors()).containsExactly(SAIC_HONGYAN);
        assertThat(intention.agreedInvestment()).isNull();
        assertThat(intention.projectCount()).isEqualTo(1);
    }

    @Test
    void firm_up_signs_the_intention_and_sets_the_agreed_investment_when_given() {
        ProjectState keeping = fold(hongyanIntentionSigned(), firmedUp(HONGYAN_INTENTION));
        ProjectState setting = fold(hongyanIntentionSigned(),
                new ProjectFirmedUpEvent(HONGYAN_INTENTION, FIRMED_UP_ON, Money.parse("3.2亿元")));

        assertThat(keeping.status()).isEqualTo(ProjectStatus.SIGNED);
        assertThat(keeping.firmedUpOn()).isEqualTo(FIRMED_UP_ON);
        assertThat(keeping.signedAsIntention()).isTrue();
        assertThat(keeping.agreedInvestment()).isNull();
        assertThat(setting.agreedInvestment()).isEqualTo(Money.parse("3.2亿元"));
        assertThat(setting.version()).isEqualTo(2);
    }

    @Test
    void milestones_move_the_status_and_keep_their_dates() {
        ProjectState underConstruction = fold(digitalParkSigned(), started(DIGITAL_PARK));
        ProjectState inOperation = fold(digitalParkSigned(), started(DIGITAL_PARK), completed(DIGITAL_PARK));

        assertThat(underConstruction.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(underConstruction.lastMilestoneOn()).isEqualTo(STARTED_ON);
        assertThat(inOperation.status()).isEqualTo(ProjectStatus.IN_OPERATION);
        assertThat(inOperation.startedOn()).isEqualTo(STARTED_ON);
        assertThat(inOperation.completedOn()).isEqualTo(COMPLETED_ON);
        assertThat(inOperation.lastMilestoneOn()).isEqualTo(COMPLETED_ON);
        assertThat(inOperation.version()).isEqualTo(3);
    }

    @Test
    void cancellation_keeps_the_milestones_reached_and_the_reason() {
        ProjectState state = fold(digitalParkSigned(), started(DIGITAL_PARK), cancelled(DIGITAL_PARK));

        assertThat(state.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(state.startedOn()).isEqualTo(STARTED_ON);
        assertThat(state.cancelledOn()).isEqualTo(CANCELLED_ON);
        assertThat(state.cancelReason()).isEqualTo(CANCEL_REASON);
    }

    @Test
    void actual_investment_is_the_exact_sum_of_the_reports() {
        ProjectState state = fold(digitalParkSigned(), report().event(),
                report().id("2021-q4").amount("798.05万元").event());

        assertThat(state.actualInvestment()).isEqualTo(Money.parse("1898.05万元"));
        assertThat(state.reports()).extracting(InvestmentReport::reportId).containsExactly("2021-q3", "2021-q4");
        assertThat(state.hasReport("2021-q4")).isTrue();
        assertThat(state.hasReport("2022-q1")).isFalse();
        assertThat(state.status()).isEqualTo(ProjectStatus.SIGNED);
        assertThat(state.version()).isEqualTo(3);
    }

    @Test
    void a_project_without_reports_has_invested_nothing() {
        assertThat(fold(digitalParkSigned()).actualInvestment()).isEqualTo(Money.zero());
    }
}
