package coop.ledger.agreement;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One payment under an agreement as last corrected (更正). Kept so a correction can move the agreement's total by
 * the difference; folds the same way as {@code AgreementState.Payment}.
 */
public record PaymentRow(
        String agreementId,
        String paymentId,
        String payer,
        String payee,
        Money amount,
        LocalDate paidOn,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static PaymentRow recorded(PaymentRecordedEvent e, Applied at) {
        return new PaymentRow(e.agreementId(), e.paymentId(), e.payer(), e.payee(), e.amount(), e.paidOn(),
                at.sequence(), at.position(), at.recordedAt());
    }

    /** The payment with the correction's non-null values; this row when the correction was applied before. */
    public PaymentRow corrected(PaymentCorrectedEvent e, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new PaymentRow(agreementId, paymentId, e.payer() != null ? e.payer() : payer,
                e.payee() != null ? e.payee() : payee, e.amount() != null ? e.amount() : amount,
                e.paidOn() != null ? e.paidOn() : paidOn, at.sequence(), at.position(), at.recordedAt());
    }
}
