package coop.ledger.agreement.api;

import java.time.LocalDate;

/** An observer of the agreement became a signatory. */
public record ObserverPromotedEvent(
        String agreementId,
        String partyCode,
        LocalDate promotedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return promotedOn;
    }
}
