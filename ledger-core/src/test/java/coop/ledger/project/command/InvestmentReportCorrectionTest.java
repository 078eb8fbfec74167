package coop.ledger.project.command;

import coop.ledger.project.api.CorrectInvestmentReportCommand;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.report;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.unknownRecord;
import static coop.ledger.testdata.Violations.violation;
import static coop.ledger.testdata.Violations.violationOf;

/** Correcting a report of actual investment (实际投资): amount and report date. */
class InvestmentReportCorrectionTest {

    private static final String REASON = "统计口径更正";
    private static final LocalDate REPORTED_ON = LocalDate.of(2021, 9, 30);

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    private static CorrectInvestmentReportCommand correct(String reportId, Long cites, String amount,
                                                          LocalDate reportedOn, String reason) {
        return new CorrectInvestmentReportCommand(DIGITAL_PARK, reportId, cites,
                amount == null ? null : Money.parse(amount), reportedOn, reason, null);
    }

    @Test
    void corrects_the_amount_of_a_report() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, "1000万元", null, REASON))
                .expectEvents(new InvestmentReportCorrectedEvent(DIGITAL_PARK, "2021-q3", 1, Money.parse("1000万元"),
                        null, REASON, REPORTED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cites_the_latest_event_of_the_report_when_none_is_cited() {
        fixture.given(digitalParkSigned(), report().event(), report().id("2021-q4").event())
                .when(correct("2021-q3", null, null, LocalDate.of(2021, 9, 28), REASON))
                .expectEvents(new InvestmentReportCorrectedEvent(DIGITAL_PARK, "2021-q3", 1, null,
                        LocalDate.of(2021, 9, 28), REASON, LocalDate.of(2021, 9, 28)));
    }

    @Test
    void rejects_a_correction_of_an_unreported_report() {
        fixture.given(digitalParkSigned())
                .when(correct("2021-q3", null, "1000万元", null, REASON))
                .expectException(unknownRecord("investment.not-reported"));
    }

    @Test
    void rejects_a_citation_of_another_report() {
        fixture.given(digitalParkSigned(), report().event(), report().id("2021-q4").event())
                .when(correct("2021-q3", 2L, "1000万元", null, REASON))
                .expectException(violation("correction.cites-wrong-event",
                        "event 2 of this record is not an event that recorded investment report 2021-q3",
                        Map.of("correctsSequence", 2L, "citedEventType", "InvestmentReportedEvent")));
    }

    @Test
    void rejects_a_correction_without_a_reason() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, "1000万元", null, null))
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_correction_that_changes_nothing() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, "11000000", REPORTED_ON, REASON))
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_amount_that_is_not_positive() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, "-1万元", null, REASON))
                .expectException(violationOf("investment.amount-not-positive"));
    }

    @Test
    void rejects_a_corrected_date_in_the_future() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, null, TOMORROW, REASON))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_corrected_date_before_the_signing() {
        fixture.given(digitalParkSigned(), report().event())
                .when(correct("2021-q3", 1L, null, SIGNED_ON.minusDays(1), REASON))
                .expectException(violationOf("business-date.before-signing"));
    }
}
