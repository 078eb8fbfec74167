package coop.ledger.agreement.api;

import java.time.LocalDate;

/** The agreement was replaced by another. */
public record AgreementSupersededEvent(
        String agreementId,
        String supersededBy,
        LocalDate supersededOn,
        String reason) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return supersededOn;
    }
}
