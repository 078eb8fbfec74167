package coop.ledger.agreement.command;

import coop.ledger.agreement.api.CompleteCooperationItemCommand;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.DropCooperationItemCommand;
import coop.ledger.agreement.api.StartCooperationItemCommand;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.TONGBAN;
import static coop.ledger.testdata.Agreements.TONGBAN_LISTED_ON;
import static coop.ledger.testdata.Agreements.govServicesSigned;
import static coop.ledger.testdata.Agreements.tongbanListed;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.unknownRecord;
import static coop.ledger.testdata.Violations.violationOf;

/** Starting, completing and dropping items of the cooperation list. */
class CooperationItemProgressTest {

    private static final LocalDate STARTED_ON = LocalDate.of(2020, 10, 9);
    private static final LocalDate COMPLETED_ON = LocalDate.of(2021, 6, 30);
    private static final String EVIDENCE = "川渝通办事项已在三地政务服务中心上线";
    private static final String DROP_REASON = "并入川渝通办清单统一推进";

    private static final CooperationItemStartedEvent TONGBAN_STARTED =
            new CooperationItemStartedEvent(GOV_SERVICES, TONGBAN, STARTED_ON);

    private final FixtureConfiguration<Agreement> fixture = Fixtures.agreement();

    @Test
    void starts_a_listed_item() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON, null))
                .expectEvents(TONGBAN_STARTED)
                .expectResultMessagePayload(3L);
    }

    @Test
    void completes_a_started_item_with_its_evidence() {
        fixture.given(govServicesSigned(), tongbanListed(), TONGBAN_STARTED)
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, " " + EVIDENCE + " ", 3L))
                .expectEvents(new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, COMPLETED_ON, EVIDENCE))
                .expectResultMessagePayload(4L);
    }

    @Test
    void completes_an_item_that_was_never_started() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, TONGBAN_LISTED_ON, EVIDENCE, null))
                .expectEvents(new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, TONGBAN_LISTED_ON, EVIDENCE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void drops_a_started_item_for_a_reason() {
        fixture.given(govServicesSigned(), tongbanListed(), TONGBAN_STARTED)
                .when(new DropCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, DROP_REASON, null))
                .expectEvents(new CooperationItemDroppedEvent(GOV_SERVICES, TONGBAN, COMPLETED_ON, DROP_REASON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void rejects_the_start_of_an_unlisted_item() {
        fixture.given(govServicesSigned())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON, null))
                .expectException(unknownRecord("item.not-listed"));
    }

    @Test
    void rejects_completion_of_an_unlisted_item() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, "yibao-01", COMPLETED_ON, EVIDENCE, null))
                .expectException(UnknownRecordException.class)
                .expectException(unknownRecord("item.not-listed"))
                .expectNoEvents();
    }

    @Test
    void rejects_dropping_an_unlisted_item() {
        fixture.given(govServicesSigned())
                .when(new DropCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, DROP_REASON, null))
                .expectException(unknownRecord("item.not-listed"));
    }

    @Test
    void rejects_starting_an_item_twice() {
        fixture.given(govServicesSigned(), tongbanListed(), TONGBAN_STARTED)
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, null))
                .expectException(violationOf("item.already-started"));
    }

    @Test
    void rejects_completing_a_completed_item() {
        fixture.given(govServicesSigned(), tongbanListed(),
                        new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, COMPLETED_ON, EVIDENCE))
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, EVIDENCE, null))
                .expectException(violationOf("item.already-completed"));
    }

    @Test
    void rejects_dropping_a_completed_item() {
        fixture.given(govServicesSigned(), tongbanListed(),
                        new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, COMPLETED_ON, EVIDENCE))
                .when(new DropCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, DROP_REASON, null))
                .expectException(violationOf("item.already-completed"));
    }

    @Test
    void rejects_starting_a_dropped_item() {
        fixture.given(govServicesSigned(), tongbanListed(),
                        new CooperationItemDroppedEvent(GOV_SERVICES, TONGBAN, STARTED_ON, DROP_REASON))
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON, null))
                .expectException(violationOf("item.dropped"));
    }

    @Test
    void rejects_completing_a_dropped_item() {
        fixture.given(govServicesSigned(), tongbanListed(),
                        new CooperationItemDroppedEvent(GOV_SERVICES, TONGBAN, STARTED_ON, DROP_REASON))
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, EVIDENCE, null))
                .expectException(violationOf("item.dropped"));
    }

    @Test
    void rejects_a_start_dated_before_the_item_was_listed() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, TONGBAN_LISTED_ON.minusDays(1), null))
                .expectException(violationOf("item.date-before-previous-step"));
    }

    @Test
    void rejects_a_completion_dated_before_the_item_was_started() {
        fixture.given(govServicesSigned(), tongbanListed(), TONGBAN_STARTED)
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, STARTED_ON.minusDays(1), EVIDENCE,
                        null))
                .expectException(violationOf("item.date-before-previous-step"));
    }

    @Test
    void rejects_a_completion_dated_in_the_future() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, TOMORROW, EVIDENCE, null))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_completion_without_evidence() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, " ", null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("evidence must not be blank");
    }

    @Test
    void rejects_dropping_an_item_without_a_reason() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new DropCooperationItemCommand(GOV_SERVICES, TONGBAN, COMPLETED_ON, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_a_start_without_a_date() {
        fixture.given(govServicesSigned(), tongbanListed())
                .when(new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, null, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("startedOn must be given");
    }
}
