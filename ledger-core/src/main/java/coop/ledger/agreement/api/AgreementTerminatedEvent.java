package coop.ledger.agreement.api;

import java.time.LocalDate;

/** The agreement was ended before its term. */
public record AgreementTerminatedEvent(
        String agreementId,
        LocalDate terminatedOn,
        String reason) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return terminatedOn;
    }
}
