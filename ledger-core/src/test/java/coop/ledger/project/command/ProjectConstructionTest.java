package coop.ledger.project.command;

import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Projects.COMPLETED_ON;
import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.FIRMED_UP_ON;
import static coop.ledger.testdata.Projects.HONGYAN_INTENTION;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.STARTED_ON;
import static coop.ledger.testdata.Projects.cancelled;
import static coop.ledger.testdata.Projects.complete;
import static coop.ledger.testdata.Projects.completed;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.firmedUp;
import static coop.ledger.testdata.Projects.hongyanIntentionSigned;
import static coop.ledger.testdata.Projects.start;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** Construction started (开工) and completed, in operation (建成投用): in order, once, and never back. */
class ProjectConstructionTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void starts_construction_of_a_signed_project() {
        fixture.given(digitalParkSigned())
                .when(start(DIGITAL_PARK, STARTED_ON))
                .expectEvents(new ProjectConstructionStartedEvent(DIGITAL_PARK, STARTED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void starts_construction_of_a_firmed_up_intention() {
        fixture.given(hongyanIntentionSigned(), firmedUp(HONGYAN_INTENTION))
                .when(start(HONGYAN_INTENTION, STARTED_ON))
                .expectEvents(started(HONGYAN_INTENTION))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_starting_an_intention_that_was_not_firmed_up() {
        fixture.given(hongyanIntentionSigned())
                .when(start(HONGYAN_INTENTION, STARTED_ON))
                .expectException(violationOf("project.intention-not-firm"))
                .expectNoEvents();
    }

    @Test
    void rejects_starting_construction_twice() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(start(DIGITAL_PARK, STARTED_ON.plusDays(1)))
                .expectException(violationOf("project.already-started"));
    }

    @Test
    void rejects_starting_a_cancelled_project() {
        fixture.given(digitalParkSigned(), cancelled(DIGITAL_PARK))
                .when(start(DIGITAL_PARK, TODAY))
                .expectException(violationOf("project.cancelled"));
    }

    @Test
    void rejects_starting_a_completed_project() {
        fixture.given(digitalParkSigned(), completed(DIGITAL_PARK))
                .when(start(DIGITAL_PARK, TODAY))
                .expectException(violationOf("project.already-completed"));
    }

    @Test
    void rejects_a_start_dated_before_the_signing() {
        fixture.given(digitalParkSigned())
                .when(start(DIGITAL_PARK, SIGNED_ON.minusDays(1)))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_start_dated_in_the_future() {
        fixture.given(digitalParkSigned())
                .when(start(DIGITAL_PARK, TOMORROW))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_start_without_a_date() {
        fixture.given(digitalParkSigned())
                .when(start(DIGITAL_PARK, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("startedOn must be given");
    }

    @Test
    void rejects_a_start_dated_before_the_firm_up() {
        fixture.given(hongyanIntentionSigned(), firmedUp(HONGYAN_INTENTION))
                .when(start(HONGYAN_INTENTION, FIRMED_UP_ON.minusDays(1)))
                .expectException(violationOf("project.date-before-previous-step"));
    }

    @Test
    void completes_a_started_project() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, COMPLETED_ON))
                .expectEvents(new ProjectCompletedEvent(DIGITAL_PARK, COMPLETED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void completes_a_project_whose_start_was_never_reported() {
        fixture.given(digitalParkSigned())
                .when(complete(DIGITAL_PARK, COMPLETED_ON))
                .expectEvents(completed(DIGITAL_PARK));
    }

    @Test
    void completes_on_the_day_construction_started() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, STARTED_ON))
                .expectEvents(new ProjectCompletedEvent(DIGITAL_PARK, STARTED_ON));
    }

    @Test
    void rejects_completing_an_intention_that_was_not_firmed_up() {
        fixture.given(hongyanIntentionSigned())
                .when(complete(HONGYAN_INTENTION, COMPLETED_ON))
                .expectException(violationOf("project.intention-not-firm"));
    }

    @Test
    void rejects_a_completion_dated_before_the_start() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, STARTED_ON.minusDays(1)))
                .expectException(violationOf("project.date-before-previous-step"))
                .expectExceptionMessage("completedOn 2021-08-17 is before the previous step of project "
                        + DIGITAL_PARK + " on 2021-08-18");
    }

    @Test
    void rejects_completing_a_project_twice() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK), completed(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, TODAY))
                .expectException(violationOf("project.already-completed"));
    }

    @Test
    void rejects_completing_a_cancelled_project() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK), cancelled(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, TODAY))
                .expectException(violationOf("project.cancelled"));
    }

    @Test
    void rejects_a_completion_dated_before_the_signing() {
        fixture.given(digitalParkSigned())
                .when(complete(DIGITAL_PARK, SIGNED_ON.minusDays(1)))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_completion_dated_in_the_future() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(complete(DIGITAL_PARK, TOMORROW))
                .expectException(violationOf("business-date.in-future"));
    }
}
