package coop.ledger.project.command;

import coop.ledger.project.api.CorrectProjectCommand;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.SAIC_HONGYAN;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.FIRMED_UP_ON;
import static coop.ledger.testdata.Projects.HONGYAN_INTENTION;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.STARTED_ON;
import static coop.ledger.testdata.Projects.cancelled;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.hongyanIntentionSigned;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violation;
import static coop.ledger.testdata.Violations.violationOf;

/** Correcting the recorded signing of a project (签约项目): amounts, dates, parties, occasion, domain, count. */
class ProjectCorrectionTest {

    private static final String REASON = "以签约仪式通稿为准";

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    private static Correcting correction() {
        return new Correcting();
    }

    /** A correction of the digital-park signing that changes nothing until told. */
    private static final class Correcting {
        private String projectId = DIGITAL_PARK;
        private Long cites = 0L;
        private Money agreedInvestment;
        private LocalDate signedOn;
        private List<String> hostParties;
        private List<String> investors;
        private String occasion;
        private CooperationDomain domain;
        private Integer projectCount;
        private String reason = REASON;
        private Money plannedInvestment;
        private boolean removeAgreedInvestment;
        private boolean removePlannedInvestment;

        Correcting project(String value) {
            projectId = value;
            return this;
        }

        Correcting cites(Long value) {
            cites = value;
            return this;
        }

        Correcting agreedInvestment(String value) {
            agreedInvestment = Money.parse(value);
            return this;
        }

        Correcting plannedInvestment(String value) {
            plannedInvestment = Money.parse(value);
            return this;
        }

        Correcting removeAgreedInvestment() {
            removeAgreedInvestment = true;
            return this;
        }

        Correcting removePlannedInvestment() {
            removePlannedInvestment = true;
            return this;
        }

        Correcting signedOn(LocalDate value) {
            signedOn = value;
            return this;
        }

        Correcting hostParties(String... codes) {
            hostParties = List.of(codes);
            return this;
        }

        Correcting investors(String... codes) {
            investors = List.of(codes);
            return this;
        }

        Correcting occasion(String value) {
            occasion = value;
            return this;
        }

        Correcting domain(CooperationDomain value) {
            domain = value;
            return this;
        }

        Correcting projectCount(Integer value) {
            projectCount = value;
            return this;
        }

        Correcting reason(String value) {
            reason = value;
            return this;
        }

        CorrectProjectCommand command() {
            return new CorrectProjectCommand(projectId, cites, agreedInvestment, signedOn, hostParties, investors,
                    occasion, domain, projectCount, reason, null, plannedInvestment, removeAgreedInvestment,
                    removePlannedInvestment);
        }

        ProjectCorrectedEvent event(long cited, LocalDate businessDate) {
            return new ProjectCorrectedEvent(projectId, cited, agreedInvestment, signedOn, hostParties, investors,
                    occasion, domain, projectCount, reason, businessDate, plannedInvestment,
                    removeAgreedInvestment ? true : null, removePlannedInvestment ? true : null);
        }
    }

    @Test
    void corrects_the_agreed_investment_and_project_count() {
        Correcting correction = correction().agreedInvestment("12.5亿元").projectCount(7);
        fixture.given(digitalParkSigned())
                .when(correction.command())
                .expectEvents(correction.event(0, SIGNED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void moves_an_amount_recorded_as_agreed_investment_to_total_planned_investment() {
        // the source's 总投资 had been recorded as 协议投资: the correction says what and why, like any other
        Correcting move = correction().removeAgreedInvestment().plannedInvestment("12.1亿元")
                .reason("来源的12.1亿元是入园项目的总投资，不是协议投资");
        fixture.given(digitalParkSigned())
                .when(move.command())
                .expectEvents(move.event(0, SIGNED_ON));
    }

    @Test
    void corrects_a_total_planned_investment() {
        Correcting move = correction().removeAgreedInvestment().plannedInvestment("12.1亿元");
        Correcting planned = correction().cites(null).plannedInvestment("12.5亿元");
        fixture.given(digitalParkSigned(), move.event(0, SIGNED_ON))
                .when(planned.command())
                .expectEvents(planned.event(1, SIGNED_ON));
    }

    @Test
    void moves_a_planned_investment_back_to_agreed_investment() {
        Correcting move = correction().removeAgreedInvestment().plannedInvestment("12.1亿元");
        Correcting back = correction().cites(null).removePlannedInvestment().agreedInvestment("12.1亿元");
        fixture.given(digitalParkSigned(), move.event(0, SIGNED_ON))
                .when(back.command())
                .expectEvents(back.event(1, SIGNED_ON));
    }

    @Test
    void rejects_an_investment_both_corrected_and_removed() {
        fixture.given(digitalParkSigned())
                .when(correction().removeAgreedInvestment().agreedInvestment("13亿元").command())
                .expectException(violation("project.investment-given-and-removed",
                        "agreedInvestment cannot be both corrected to 1300000000 and removed",
                        Map.of("field", "agreedInvestment", "agreedInvestment", "1300000000")));
    }

    @Test
    void rejects_removing_a_kind_of_investment_the_project_does_not_have_as_no_change() {
        fixture.given(digitalParkSigned())
                .when(correction().removePlannedInvestment().command())
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_planned_investment_that_is_not_positive() {
        fixture.given(digitalParkSigned())
                .when(correction().plannedInvestment("0元").command())
                .expectException(violationOf("project.amount-not-positive"));
    }

    @Test
    void corrects_parties_occasion_domain_and_signing_date() {
        Correcting correction = correction().hostParties(WANZHOU, KAIZHOU).investors(SAIC_HONGYAN)
                .occasion("万开云产业协同发展项目集中签约").domain(CooperationDomain.INDUSTRY)
                .signedOn(SIGNED_ON.minusDays(2));
        fixture.given(digitalParkSigned())
                .when(correction.command())
                .expectEvents(correction.event(0, SIGNED_ON.minusDays(2)));
    }

    @Test
    void corrects_the_amount_agreed_at_a_firm_up_citing_it() {
        Correcting correction = correction().project(HONGYAN_INTENTION).cites(1L).agreedInvestment("5亿元");
        fixture.given(hongyanIntentionSigned(), new ProjectFirmedUpEvent(HONGYAN_INTENTION, FIRMED_UP_ON,
                        Money.parse("50亿元")))
                .when(correction.command())
                .expectEvents(correction.event(1, FIRMED_UP_ON));
    }

    @Test
    void cites_the_latest_correction_by_default_even_one_that_corrected_the_firm_up() {
        Correcting ofFirmUp = correction().project(HONGYAN_INTENTION).cites(1L).agreedInvestment("5亿元");
        Correcting next = correction().project(HONGYAN_INTENTION).cites(null).projectCount(2);
        fixture.given(hongyanIntentionSigned(), new ProjectFirmedUpEvent(HONGYAN_INTENTION, FIRMED_UP_ON,
                        Money.parse("50亿元")), ofFirmUp.event(1, FIRMED_UP_ON))
                .when(next.command())
                .expectEvents(next.event(2, hongyanIntentionSigned().signedOn()));
    }

    @Test
    void corrects_a_cancelled_project() {
        fixture.given(digitalParkSigned(), cancelled(DIGITAL_PARK))
                .when(correction().projectCount(5).command())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejects_a_citation_of_a_milestone() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(correction().cites(1L).projectCount(5).command())
                .expectException(violation("correction.cites-wrong-event",
                        "event 1 of this record is not an event that recorded the signing of project " + DIGITAL_PARK,
                        Map.of("correctsSequence", 1L, "citedEventType", "ProjectConstructionStartedEvent")));
    }

    @Test
    void rejects_a_correction_without_a_reason() {
        fixture.given(digitalParkSigned())
                .when(correction().projectCount(5).reason("").command())
                .expectException(violationOf("field.required"));
    }

    @Test
    void rejects_a_correction_that_changes_nothing() {
        fixture.given(digitalParkSigned())
                .when(correction().projectCount(6).agreedInvestment("1210000000").hostParties(WANZHOU).command())
                .expectException(violationOf("correction.no-change"));
    }

    @Test
    void rejects_a_corrected_investment_that_is_not_positive() {
        fixture.given(digitalParkSigned())
                .when(correction().agreedInvestment("0元").command())
                .expectException(violationOf("project.amount-not-positive"));
    }

    @Test
    void rejects_a_corrected_count_below_one() {
        fixture.given(digitalParkSigned())
                .when(correction().projectCount(0).command())
                .expectException(violationOf("project.count-not-positive"));
    }

    @Test
    void rejects_no_host_party() {
        fixture.given(digitalParkSigned())
                .when(correction().hostParties().command())
                .expectException(violationOf("project.no-host-party"));
    }

    @Test
    void rejects_no_investor() {
        fixture.given(digitalParkSigned())
                .when(correction().investors().command())
                .expectException(violationOf("project.no-investor"));
    }

    @Test
    void rejects_a_party_named_twice() {
        fixture.given(digitalParkSigned())
                .when(correction().hostParties(WANZHOU, KAIZHOU, WANZHOU).command())
                .expectException(violationOf("project.duplicate-party"));
    }

    @Test
    void rejects_an_unregistered_party() {
        fixture.given(digitalParkSigned())
                .when(correction().investors("nobody").command())
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_a_corrected_signing_date_in_the_future() {
        fixture.given(digitalParkSigned())
                .when(correction().signedOn(TOMORROW).command())
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_corrected_signing_date_after_a_milestone() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(correction().signedOn(LocalDate.of(2021, 12, 1)).command())
                .expectException(violation("correction.signing-after-later-step",
                        "signedOn 2021-12-01 is after " + STARTED_ON + ", the date of a later step recorded for project "
                                + DIGITAL_PARK,
                        Map.of("signedOn", "2021-12-01", "earliestLaterStep", STARTED_ON.toString())));
    }
}
