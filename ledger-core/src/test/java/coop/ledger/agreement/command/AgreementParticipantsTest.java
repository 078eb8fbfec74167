package coop.ledger.agreement.command;

import coop.ledger.agreement.api.JoinAgreementCommand;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PromoteObserverCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_SIGNED_ON;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Parties.DAZHOU;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.LINSHUI;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.YUNYANG;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

class AgreementParticipantsTest {

    private static final LocalDate JOINED_ON = LocalDate.of(2020, 10, 23);
    private static final LocalDate PROMOTED_ON = LocalDate.of(2021, 3, 1);

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void a_registered_party_joins_as_signatory() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LIANGPING, ParticipantRole.SIGNATORY, JOINED_ON, null))
                .expectEvents(new PartyJoinedAgreementEvent(GOV_SERVICES, LIANGPING, ParticipantRole.SIGNATORY,
                        JOINED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_registered_party_joins_as_observer() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, JOINED_ON, 1L))
                .expectEvents(new PartyJoinedAgreementEvent(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER,
                        JOINED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_observer_is_promoted_to_signatory() {
        fixture.given(govServicesSigned())
                .when(new PromoteObserverCommand(GOV_SERVICES, YUNYANG, PROMOTED_ON, null))
                .expectEvents(new ObserverPromotedEvent(GOV_SERVICES, YUNYANG, PROMOTED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_observer_that_joined_later_is_promoted() {
        fixture.given(govServicesSigned(),
                        new PartyJoinedAgreementEvent(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, JOINED_ON))
                .when(new PromoteObserverCommand(GOV_SERVICES, LIANGPING, PROMOTED_ON, null))
                .expectEvents(new ObserverPromotedEvent(GOV_SERVICES, LIANGPING, PROMOTED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_party_that_already_takes_part() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, YUNYANG, ParticipantRole.SIGNATORY, JOINED_ON, null))
                .expectException(violationOf("agreement.already-party"))
                .expectExceptionMessage("party yunyang already takes part as observer");
    }

    @Test
    void rejects_an_unregistered_party() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LINSHUI, ParticipantRole.SIGNATORY, JOINED_ON, null))
                .expectException(violationOf("party.unknown"));
    }

    @Test
    void rejects_joining_without_a_role() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LIANGPING, null, JOINED_ON, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("role must be given");
    }

    @Test
    void rejects_joining_without_a_date() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("joinedOn must be given");
    }

    @Test
    void rejects_joining_before_the_signing() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER,
                        GOV_SERVICES_SIGNED_ON.minusDays(1), null))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_promoting_a_signatory() {
        fixture.given(govServicesSigned())
                .when(new PromoteObserverCommand(GOV_SERVICES, WANZHOU, PROMOTED_ON, null))
                .expectException(violationOf("agreement.not-an-observer"));
    }

    @Test
    void rejects_promoting_a_party_that_takes_no_part() {
        fixture.given(govServicesSigned())
                .when(new PromoteObserverCommand(GOV_SERVICES, LIANGPING, PROMOTED_ON, null))
                .expectException(violationOf("agreement.not-an-observer"));
    }

    @Test
    void rejects_promoting_an_observer_twice() {
        fixture.given(govServicesSigned(), new ObserverPromotedEvent(GOV_SERVICES, YUNYANG, PROMOTED_ON))
                .when(new PromoteObserverCommand(GOV_SERVICES, YUNYANG, PROMOTED_ON, null))
                .expectException(violationOf("agreement.not-an-observer"));
    }

    @Test
    void rejects_a_promotion_dated_in_the_future() {
        fixture.given(govServicesSigned())
                .when(new PromoteObserverCommand(GOV_SERVICES, YUNYANG, TOMORROW, null))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_signatory_joining_again_as_observer() {
        fixture.given(govServicesSigned())
                .when(new JoinAgreementCommand(GOV_SERVICES, DAZHOU, ParticipantRole.OBSERVER, JOINED_ON, null))
                .expectException(violationOf("agreement.already-party"));
    }
}
