package coop.ledger.agreement.api;

import java.time.LocalDate;

/** A cooperation item was completed. */
public record CooperationItemCompletedEvent(
        String agreementId,
        String itemId,
        LocalDate completedOn,
        String evidence) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return completedOn;
    }
}
