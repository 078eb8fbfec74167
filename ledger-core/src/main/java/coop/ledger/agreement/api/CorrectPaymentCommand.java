package coop.ledger.agreement.api;

import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Correct a mis-recorded payment. {@code correctsSequence} cites the event being corrected (the payment's
 * recording or a correction of it); null cites the latest of them. Fields left null keep their value;
 * {@code reason} says why the record was wrong.
 */
public record CorrectPaymentCommand(
        @TargetAggregateIdentifier String agreementId,
        String paymentId,
        Long correctsSequence,
        String payer,
        String payee,
        Money amount,
        LocalDate paidOn,
        String reason,
        Long expectedVersion) {
}
