package coop.ledger.programme.command;

import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.ReopenServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.programme.api.WithdrawServiceItemCommand;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.testdata.Fixtures;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static coop.ledger.testdata.Programmes.WKY;
import static coop.ledger.testdata.Programmes.WKY_DECLARED_ON;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER;
import static coop.ledger.testdata.Programmes.YIBAO_TRANSFER_LISTED_ON;
import static coop.ledger.testdata.Programmes.wkyDeclared;
import static coop.ledger.testdata.Programmes.yibaoTransferListed;
import static coop.ledger.testdata.Samples.TOMORROW;
import static coop.ledger.testdata.Violations.unknownRecord;
import static coop.ledger.testdata.Violations.violationOf;

/** Completing, withdrawing and reopening items of a programme's list. */
class ServiceItemProgressTest {

    private static final LocalDate COMPLETED_ON = LocalDate.of(2021, 9, 30);
    private static final LocalDate LATER = LocalDate.of(2021, 11, 15);
    private static final String EVIDENCE = "万开云三地医保经办窗口可互相办理";
    private static final String WITHDRAW_REASON = "并入川渝通办清单统一推进";
    private static final String REOPEN_REASON = "误记为完成：开州区尚未上线";

    private static final ServiceItemCompletedEvent COMPLETED =
            new ServiceItemCompletedEvent(WKY, YIBAO_TRANSFER, COMPLETED_ON, EVIDENCE);
    private static final ServiceItemWithdrawnEvent WITHDRAWN =
            new ServiceItemWithdrawnEvent(WKY, YIBAO_TRANSFER, COMPLETED_ON, WITHDRAW_REASON);
    private static final ServiceItemReopenedEvent REOPENED =
            new ServiceItemReopenedEvent(WKY, YIBAO_TRANSFER, LATER, REOPEN_REASON);

    private final FixtureConfiguration<Programme> fixture = Fixtures.programme();

    private static CompleteServiceItemCommand complete(String itemId, LocalDate on, String evidence) {
        return new CompleteServiceItemCommand(WKY, itemId, on, evidence, null);
    }

    private static WithdrawServiceItemCommand withdraw(LocalDate on, String reason) {
        return new WithdrawServiceItemCommand(WKY, YIBAO_TRANSFER, on, reason, null);
    }

    private static ReopenServiceItemCommand reopen(LocalDate on, String reason) {
        return new ReopenServiceItemCommand(WKY, YIBAO_TRANSFER, on, reason, null);
    }

    @Test
    void completes_an_open_item_with_its_evidence() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, COMPLETED_ON, " " + EVIDENCE + " "))
                .expectEvents(COMPLETED)
                .expectResultMessagePayload(3L);
    }

    @Test
    void completes_an_item_on_the_day_it_was_listed() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, YIBAO_TRANSFER_LISTED_ON, EVIDENCE))
                .expectEvents(new ServiceItemCompletedEvent(WKY, YIBAO_TRANSFER, YIBAO_TRANSFER_LISTED_ON, EVIDENCE));
    }

    @Test
    void completes_a_reopened_item_again() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED, REOPENED)
                .when(complete(YIBAO_TRANSFER, LATER, EVIDENCE))
                .expectEvents(new ServiceItemCompletedEvent(WKY, YIBAO_TRANSFER, LATER, EVIDENCE))
                .expectResultMessagePayload(5L);
    }

    @Test
    void withdraws_an_open_item_for_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(withdraw(COMPLETED_ON, WITHDRAW_REASON))
                .expectEvents(WITHDRAWN)
                .expectResultMessagePayload(3L);
    }

    @Test
    void withdraws_a_completed_item_for_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(withdraw(LATER, WITHDRAW_REASON))
                .expectEvents(new ServiceItemWithdrawnEvent(WKY, YIBAO_TRANSFER, LATER, WITHDRAW_REASON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void reopens_a_completed_item_for_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(reopen(LATER, " " + REOPEN_REASON))
                .expectEvents(REOPENED)
                .expectResultMessagePayload(4L);
    }

    @Test
    void rejects_completion_of_an_unlisted_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete("hukou-transfer", COMPLETED_ON, EVIDENCE))
                .expectException(UnknownRecordException.class)
                .expectException(unknownRecord("item.not-listed"))
                .expectNoEvents();
    }

    @Test
    void rejects_withdrawing_an_unlisted_item() {
        fixture.given(wkyDeclared())
                .when(withdraw(COMPLETED_ON, WITHDRAW_REASON))
                .expectException(unknownRecord("item.not-listed"));
    }

    @Test
    void rejects_reopening_an_unlisted_item() {
        fixture.given(wkyDeclared())
                .when(reopen(LATER, REOPEN_REASON))
                .expectException(unknownRecord("item.not-listed"));
    }

    @Test
    void rejects_completing_a_completed_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(complete(YIBAO_TRANSFER, LATER, EVIDENCE))
                .expectException(violationOf("item.already-completed"));
    }

    @Test
    void rejects_completing_a_withdrawn_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), WITHDRAWN)
                .when(complete(YIBAO_TRANSFER, LATER, EVIDENCE))
                .expectException(violationOf("item.withdrawn"));
    }

    @Test
    void rejects_a_completion_without_evidence() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, COMPLETED_ON, " "))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("evidence must not be blank");
    }

    @Test
    void rejects_a_completion_without_a_date() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, null, EVIDENCE))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("completedOn must be given");
    }

    @Test
    void rejects_a_completion_dated_before_the_item_was_listed() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, YIBAO_TRANSFER_LISTED_ON.minusDays(1), EVIDENCE))
                .expectException(violationOf("item.date-before-previous-step"));
    }

    @Test
    void rejects_a_completion_dated_before_the_programme_was_declared() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, WKY_DECLARED_ON.minusDays(1), EVIDENCE))
                .expectException(violationOf("business-date.before-declaration"));
    }

    @Test
    void rejects_a_completion_dated_in_the_future() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(complete(YIBAO_TRANSFER, TOMORROW, EVIDENCE))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_withdrawing_a_withdrawn_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), WITHDRAWN)
                .when(withdraw(LATER, WITHDRAW_REASON))
                .expectException(violationOf("item.withdrawn"));
    }

    @Test
    void rejects_withdrawing_an_item_without_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(withdraw(COMPLETED_ON, null))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_a_withdrawal_dated_before_the_completion() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(withdraw(COMPLETED_ON.minusDays(1), WITHDRAW_REASON))
                .expectException(violationOf("item.date-before-previous-step"));
    }

    @Test
    void rejects_a_withdrawal_dated_in_the_future() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(withdraw(TOMORROW, WITHDRAW_REASON))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_reopening_an_open_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed())
                .when(reopen(LATER, REOPEN_REASON))
                .expectException(violationOf("item.not-completed"));
    }

    @Test
    void rejects_reopening_a_withdrawn_item() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED,
                        new ServiceItemWithdrawnEvent(WKY, YIBAO_TRANSFER, LATER, WITHDRAW_REASON))
                .when(reopen(LATER, REOPEN_REASON))
                .expectException(violationOf("item.not-completed"));
    }

    @Test
    void rejects_reopening_an_item_without_a_reason() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(reopen(LATER, "  "))
                .expectException(violationOf("field.required"))
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void rejects_a_reopening_dated_before_the_completion() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(reopen(COMPLETED_ON.minusDays(1), REOPEN_REASON))
                .expectException(violationOf("item.date-before-previous-step"));
    }

    @Test
    void rejects_a_reopening_dated_in_the_future() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED)
                .when(reopen(TOMORROW, REOPEN_REASON))
                .expectException(violationOf("business-date.in-future"));
    }

    @Test
    void rejects_a_completion_dated_before_the_reopening() {
        fixture.given(wkyDeclared(), yibaoTransferListed(), COMPLETED, REOPENED)
                .when(complete(YIBAO_TRANSFER, LATER.minusDays(1), EVIDENCE))
                .expectException(violationOf("item.date-before-previous-step"));
    }
}
