package coop.ledger.agreement.api;

import java.time.LocalDate;

/** The agreement reached the end of its term. */
public record AgreementExpiredEvent(
        String agreementId,
        LocalDate expiredOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return expiredOn;
    }
}
