package coop.ledger.agreement.api;

import java.time.LocalDate;

/** Work on a cooperation item began. */
public record CooperationItemStartedEvent(
        String agreementId,
        String itemId,
        LocalDate startedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
