package coop.ledger.agreement.api;

import coop.ledger.shared.Correction;
import coop.ledger.shared.Money;

import java.time.LocalDate;

/**
 * A recorded payment was corrected (更正): the event at {@code correctsSequence} (its recording, or an earlier
 * correction of it) had wrong values. Fields left null did not change; {@code businessDate} is the corrected
 * payment date.
 */
public record PaymentCorrectedEvent(
        String agreementId,
        String paymentId,
        long correctsSequence,
        String payer,
        String payee,
        Money amount,
        LocalDate paidOn,
        String reason,
        LocalDate businessDate) implements AgreementEvent, Correction {
}
