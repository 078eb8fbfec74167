package coop.ledger.agreement.command;

import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.StartCooperationItemCommand;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.TONGBAN;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Agreements.listing;
import static coop.ledger.testdata.Agreements.tongbanListed;
import static coop.ledger.testdata.Violations.violationOf;

/** The version a command returns and expects is the number of events of the agreement (1 after the signing). */
class AgreementVersionTest {

    private static final LocalDate STARTED_ON = LocalDate.of(2020, 10, 9);

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void listing_the_first_item_after_the_signing_returns_version_2() {
        fixture.given(govServicesSigned())
                .when(listing().command())
                .expectResultMessagePayload(2L);
    }

    @Test
    void accepts_a_command_that_expects_the_current_version() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON, 2L))
                .expectEvents(new CooperationItemStartedEvent(GOV_SERVICES, TONGBAN, STARTED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_command_that_expects_an_older_version() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON, 1L))
                .expectException(violationOf("version.stale"))
                .expectExceptionMessage("the record is at version 2, not at the expected version 1; read it again and retry")
                .expectNoEvents();
    }

    @Test
    void rejects_a_command_that_expects_a_version_not_reached_yet() {
        fixture.given(govServicesSigned())
                .when(listing().expectedVersion(2L).command())
                .expectException(violationOf("version.stale"));
    }
}
