package coop.ledger.project.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.cancelled;
import static coop.ledger.testdata.Projects.completed;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.report;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Actual investment (实际投资) reported over time, e.g. 1,100万元 in a quarter. */
class ProjectInvestmentTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void records_a_report_of_actual_investment() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(report().command())
                .expectEvents(report().event())
                .expectResultMessagePayload(3L);
    }

    @Test
    void records_a_second_report_in_fen_without_a_note() {
        fixture.given(digitalParkSigned(), report().event())
                .when(report().id("2021-q4").amount("798.05万元").note(" ").command())
                .expectEvents(report().id("2021-q4").amount("7980500").note(null).event());
    }

    @Test
    void records_a_report_after_completion() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK), completed(DIGITAL_PARK))
                .when(report().id("final").reportedOn(TODAY).command())
                .expectEvents(report().id("final").reportedOn(TODAY).event());
    }

    @Test
    void rejects_a_report_id_that_is_not_a_code() {
        fixture.given(digitalParkSigned())
                .when(report().id("三季度 报告").command())
                .expectException(violationOf("investment.id-format"))
                .expectNoEvents();
    }

    @Test
    void rejects_a_report_recorded_twice() {
        fixture.given(digitalParkSigned(), report().event())
                .when(report().command())
                .expectException(violationOf("investment.duplicate"));
    }

    @Test
    void rejects_a_report_of_nothing() {
        fixture.given(digitalParkSigned())
                .when(report().amount("0万元").command())
                .expectException(violationOf("investment.amount-not-positive"));
    }

    @Test
    void rejects_a_negative_report() {
        fixture.given(digitalParkSigned())
                .when(report().amount("-1100万元").command())
                .expectException(violationOf("investment.amount-not-positive"));
    }

    @Test
    void rejects_a_report_dated_before_the_signing() {
        fixture.given(digitalParkSigned())
                .when(report().reportedOn(SIGNED_ON.minusDays(1)).command())
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_report_dated_in_the_future() {
        fixture.given(digitalParkSigned())
                .when(report().reportedOn(TOMORROW).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_report_on_a_cancelled_project() {
        fixture.given(digitalParkSigned(), cancelled(DIGITAL_PARK))
                .when(report().reportedOn(TODAY).command())
                .expectException(violationOf("project.cancelled"));
    }
}
