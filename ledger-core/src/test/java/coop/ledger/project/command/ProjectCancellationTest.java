package coop.ledger.project.command;

import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Projects.CANCELLED_ON;
import static coop.ledger.testdata.Projects.CANCEL_REASON;
import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.HONGYAN_INTENTION;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.STARTED_ON;
import static coop.ledger.testdata.Projects.cancel;
import static coop.ledger.testdata.Projects.cancelled;
import static coop.ledger.testdata.Projects.completed;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.hongyanIntentionSigned;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Samples.TODAY;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** A signed project or an intention is cancelled, for a reason; after that it accepts nothing. */
class ProjectCancellationTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void cancels_a_signed_project_for_a_reason() {
        fixture.given(digitalParkSigned())
                .when(cancel(DIGITAL_PARK, CANCELLED_ON, " " + CANCEL_REASON + " "))
                .expectEvents(cancelled(DIGITAL_PARK))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cancels_an_intention() {
        fixture.given(hongyanIntentionSigned())
                .when(cancel(HONGYAN_INTENTION, CANCELLED_ON, CANCEL_REASON))
                .expectEvents(cancelled(HONGYAN_INTENTION));
    }

    @Test
    void cancels_a_project_under_construction() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(cancel(DIGITAL_PARK, CANCELLED_ON, "项目停建"))
                .expectEvents(new ProjectCancelledEvent(DIGITAL_PARK, CANCELLED_ON, "项目停建"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void rejects_a_cancellation_without_a_reason() {
        fixture.given(digitalParkSigned())
                .when(cancel(DIGITAL_PARK, CANCELLED_ON, " "))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_cancelling_a_cancelled_project() {
        fixture.given(digitalParkSigned(), cancelled(DIGITAL_PARK))
                .when(cancel(DIGITAL_PARK, TODAY, "再次取消"))
                .expectException(violationOf("project.cancelled"))
                .expectNoEvents();
    }

    @Test
    void rejects_cancelling_a_completed_project() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK), completed(DIGITAL_PARK))
                .when(cancel(DIGITAL_PARK, TODAY, CANCEL_REASON))
                .expectException(violationOf("project.already-completed"));
    }

    @Test
    void rejects_a_cancellation_dated_before_the_signing() {
        fixture.given(digitalParkSigned())
                .when(cancel(DIGITAL_PARK, SIGNED_ON.minusDays(1), CANCEL_REASON))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_cancellation_dated_before_construction_started() {
        fixture.given(digitalParkSigned(), started(DIGITAL_PARK))
                .when(cancel(DIGITAL_PARK, STARTED_ON.minusDays(1), CANCEL_REASON))
                .expectException(violationOf("project.date-before-previous-step"));
    }

    @Test
    void rejects_a_cancellation_dated_in_the_future() {
        fixture.given(digitalParkSigned())
                .when(cancel(DIGITAL_PARK, TOMORROW, CANCEL_REASON))
                .expectException(violationOf("business-date.in-future"));
    }
}
