package coop.ledger.agreement.api;

import coop.ledger.shared.Money;

import java.time.LocalDate;

/** A payment under the agreement was made. */
public record PaymentRecordedEvent(
        String agreementId,
        String paymentId,
        String payer,
        String payee,
        Money amount,
        LocalDate paidOn,
        String purpose) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
