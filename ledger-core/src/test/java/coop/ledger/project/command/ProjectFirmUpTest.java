package coop.ledger.project.command;

import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.shared.Money;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static coop.ledger.testdata.Projects.DIGITAL_PARK;
import static coop.ledger.testdata.Projects.FIRMED_UP_ON;
import static coop.ledger.testdata.Projects.HONGYAN_INTENTION;
import static coop.ledger.testdata.Projects.SIGNED_ON;
import static coop.ledger.testdata.Projects.digitalParkSigned;
import static coop.ledger.testdata.Projects.firmUp;
import static coop.ledger.testdata.Projects.firmedUp;
import static coop.ledger.testdata.Projects.hongyanIntentionSigned;
import static coop.ledger.testdata.Projects.started;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.violationOf;

/** An intention (意向性合作协议) becomes a signed project, as 上汽红岩's did after the Wan-Kai-Yun signing. */
class ProjectFirmUpTest {

    private final FixtureConfiguration<Project> fixture = Fixtures.project();

    @Test
    void firms_up_an_intention_with_the_amount_now_agreed() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, FIRMED_UP_ON, "3.2亿元"))
                .expectEvents(new ProjectFirmedUpEvent(HONGYAN_INTENTION, FIRMED_UP_ON, Money.parse("3.2亿元")))
                .expectResultMessagePayload(2L);
    }

    @Test
    void firms_up_an_intention_without_naming_an_amount() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, FIRMED_UP_ON, null))
                .expectEvents(firmedUp(HONGYAN_INTENTION));
    }

    @Test
    void rejects_firming_up_a_project_signed_as_a_project() {
        fixture.given(digitalParkSigned())
                .when(firmUp(DIGITAL_PARK, FIRMED_UP_ON, null))
                .expectException(violationOf("project.not-an-intention"))
                .expectNoEvents();
    }

    @Test
    void rejects_firming_up_an_intention_twice() {
        fixture.given(hongyanIntentionSigned(), firmedUp(HONGYAN_INTENTION), started(HONGYAN_INTENTION))
                .when(firmUp(HONGYAN_INTENTION, FIRMED_UP_ON, null))
                .expectException(violationOf("project.not-an-intention"));
    }

    @Test
    void rejects_firming_up_a_cancelled_intention() {
        fixture.given(hongyanIntentionSigned(),
                        new ProjectCancelledEvent(HONGYAN_INTENTION, FIRMED_UP_ON, "企业调整投资计划"))
                .when(firmUp(HONGYAN_INTENTION, FIRMED_UP_ON, null))
                .expectException(violationOf("project.cancelled"));
    }

    @Test
    void rejects_a_firm_up_dated_before_the_signing() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, SIGNED_ON.minusDays(1), null))
                .expectException(violationOf("business-date.before-signing"));
    }

    @Test
    void rejects_a_firm_up_dated_in_the_future() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, TOMORROW, null))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_firm_up_without_a_date() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("firmedUpOn must be given");
    }

    @Test
    void rejects_a_negative_agreed_investment_on_firm_up() {
        fixture.given(hongyanIntentionSigned())
                .when(firmUp(HONGYAN_INTENTION, FIRMED_UP_ON, "-3.2亿元"))
                .expectException(violationOf("project.amount-not-positive"));
    }
}
