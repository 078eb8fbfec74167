package coop.ledger.programme.command;

import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Programmes.WKY;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER;
import static coop.ledger.testdata.Programmes.listing;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static coop.ledger.testdata.Violations.violationOf;

/** The version a command returns and expects is the number of events of the programme (1 after the declaration). */
class ProgrammeVersionTest {

    private static final LocalDate COMPLETED_ON = LocalDate.of(2021, 9, 30);
    private static final String EVIDENCE = "三地医保经办窗口可互相办理";

    private final FixtureConfiguration<Programme> fixture = Fixtures.programme();

    @Test
    void accepts_a_command_that_expects_the_current_version() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(new CompleteServiceItemCommand(WKY, YIBAO_TRANSFER, COMPLETED_ON, EVIDENCE, 2L))
                .expectEvents(new ServiceItemCompletedEvent(WKY, YIBAO_TRANSFER, COMPLETED_ON, EVIDENCE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_command_that_expects_an_older_version() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(new CompleteServiceItemCommand(WKY, YIBAO_TRANSFER, COMPLETED_ON, EVIDENCE, 1L))
                .expectException(violationOf("version.stale"))
                .expectExceptionMessage("the record is at version 2, not at the expected version 1; read it again and retry")
                .expectNoEvents();
    }

    @Test
    void rejects_a_command_that_expects_a_version_not_reached_yet() {
        fixture.given(wkyDeclared())
                .when(listing().expectedVersion(2L).command())
                .expectException(violationOf("version.stale"));
    }
}
