package coop.ledger.agreement.command;

import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.ExpireAgreementCommand;
import coop.ledger.agreement.api.SupersedeAgreementCommand;
import coop.ledger.agreement.api.TerminateAgreementCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_2021;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_SIGNED_ON;
import static coop.ledger.testdata.Agreements.UNRECORDED;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Agreements.listing;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** How an agreement stops being in force: supersession, expiry, termination; and that it then accepts nothing. */
class AgreementClosureTest {

    private static final LocalDate SUPERSEDED_ON = LocalDate.of(2021, 9, 17);
    private static final LocalDate EXPIRED_ON = LocalDate.of(2025, 9, 16);
    private static final LocalDate TERMINATED_ON = LocalDate.of(2021, 12, 31);
    private static final String SUPERSEDE_REASON = "签订新一轮政务服务合作协议";
    private static final String TERMINATE_REASON = "合作事项并入万达开川渝统筹发展示范区工作机制";

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void supersedes_the_agreement_by_a_recorded_one() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, GOV_SERVICES_2021, SUPERSEDED_ON, SUPERSEDE_REASON,
                        null))
                .expectEvents(new AgreementSupersededEvent(GOV_SERVICES, GOV_SERVICES_2021, SUPERSEDED_ON,
                        SUPERSEDE_REASON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void supersedes_without_a_reason() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, GOV_SERVICES_2021, SUPERSEDED_ON, " ", null))
                .expectEvents(new AgreementSupersededEvent(GOV_SERVICES, GOV_SERVICES_2021, SUPERSEDED_ON, null));
    }

    @Test
    void expires_the_agreement() {
        fixture.given(govServicesSigned())
                .when(new ExpireAgreementCommand(GOV_SERVICES, EXPIRED_ON, null))
                .expectEvents(new AgreementExpiredEvent(GOV_SERVICES, EXPIRED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void terminates_the_agreement_for_a_reason() {
        fixture.given(govServicesSigned())
                .when(new TerminateAgreementCommand(GOV_SERVICES, TERMINATED_ON, TERMINATE_REASON, null))
                .expectEvents(new AgreementTerminatedEvent(GOV_SERVICES, TERMINATED_ON, TERMINATE_REASON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void rejects_an_agreement_superseding_itself() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, GOV_SERVICES, SUPERSEDED_ON, SUPERSEDE_REASON, null))
                .expectException(violationOf("agreement.supersedes-itself"));
    }

    @Test
    void rejects_supersession_without_a_successor() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, null, SUPERSEDED_ON, SUPERSEDE_REASON, null))
                .expectException(violationOf("agreement.supersedes-itself"));
    }

    @Test
    void rejects_supersession_by_an_unrecorded_agreement() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, UNRECORDED, SUPERSEDED_ON, SUPERSEDE_REASON, null))
                .expectException(violationOf("agreement.unknown"));
    }

    @Test
    void rejects_supersession_dated_before_the_signing() {
        fixture.given(govServicesSigned())
                .when(new SupersedeAgreementCommand(GOV_SERVICES, GOV_SERVICES_2021, GOV_SERVICES_SIGNED_ON.minusDays(1),
                        SUPERSEDE_REASON, null))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_an_expiry_dated_in_the_future() {
        fixture.given(govServicesSigned())
                .when(new ExpireAgreementCommand(GOV_SERVICES, TOMORROW, null))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_termination_without_a_reason() {
        fixture.given(govServicesSigned())
                .when(new TerminateAgreementCommand(GOV_SERVICES, TERMINATED_ON, "  ", null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_changes_to_a_terminated_agreement() {
        fixture.given(govServicesSigned(), new AgreementTerminatedEvent(GOV_SERVICES, TERMINATED_ON, TERMINATE_REASON))
                .when(listing().command())
                .expectException(violationOf("agreement.closed"))
                .expectExceptionMessage("agreement wdk-gov-services-2020 is terminated and accepts no further changes");
    }

    @Test
    void rejects_changes_to_an_expired_agreement() {
        fixture.given(govServicesSigned(), new AgreementExpiredEvent(GOV_SERVICES, EXPIRED_ON))
                .when(new TerminateAgreementCommand(GOV_SERVICES, TERMINATED_ON, TERMINATE_REASON, null))
                .expectException(violationOf("agreement.closed"))
                .expectExceptionMessage("agreement wdk-gov-services-2020 is expired and accepts no further changes");
    }

    @Test
    void rejects_changes_to_a_superseded_agreement() {
        fixture.given(govServicesSigned(),
                        new AgreementSupersededEvent(GOV_SERVICES, GOV_SERVICES_2021, SUPERSEDED_ON, SUPERSEDE_REASON))
                .when(new ExpireAgreementCommand(GOV_SERVICES, EXPIRED_ON, null))
                .expectException(violationOf("agreement.closed"))
                .expectExceptionMessage("agreement wdk-gov-services-2020 is superseded and accepts no further changes");
    }
}
