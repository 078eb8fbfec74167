package coop.ledger.agreement.api;

import java.time.LocalDate;

/** A cooperation item was dropped from the list. */
public record CooperationItemDroppedEvent(
        String agreementId,
        String itemId,
        LocalDate droppedOn,
        String reason) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return droppedOn;
    }
}
