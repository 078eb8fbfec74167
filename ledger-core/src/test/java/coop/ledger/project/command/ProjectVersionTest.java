package coop.ledger.project.command;

import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.report;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Violations.violationOf;

/** The version a command returns and expects is the number of events of the project (1 after the signing). */
class ProjectVersionTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void accepts_a_command_that_expects_the_current_version() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(report().expectedVersion(2L).command())
                .expectEvents(report().event())
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_command_that_expects_an_older_version() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(report().expectedVersion(1L).command())
                .expectException(violationOf("version.stale"))
                .expectExceptionMessage("the record is at version 2, not at the expected version 1; read it again and retry")
                .expectNoEvents();
    }

    @Test
    void rejects_a_command_that_expects_a_version_not_reached_yet() {
        fixture.given(digitalParkSigned())
                .when(report().expectedVersion(2L).command())
                .expectException(violationOf("version.stale"));
    }
}
