package coop.ledger.agreement;

import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.state.AgreementState.Payment;
import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One payment under an agreement as last corrected (更正): the core's {@link Payment}, folded by the core's own
 * payment fold. Kept so a correction can move the agreement's total by the difference.
 */
record PaymentRow(String agreementId, Payment payment, long lastSequence, long lastPosition,
                  OffsetDateTime updatedAt) implements ProjectionRow {

    static PaymentRow recorded(PaymentRecordedEvent e, Applied at) {
        return new PaymentRow(e.agreementId(), Payment.recorded(e), at.sequence(), at.position(), at.recordedAt());
    }

    /** The payment with the correction's non-null values; this row when the correction was applied before. */
    PaymentRow corrected(PaymentCorrectedEvent e, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new PaymentRow(agreementId, payment.corrected(e), at.sequence(), at.position(), at.recordedAt());
    }

    String paymentId() {
        return payment.paymentId();
    }

    String payer() {
        return payment.payer();
    }

    String payee() {
        return payment.payee();
    }

    Money amount() {
        return payment.amount();
    }

    LocalDate paidOn() {
        return payment.paidOn();
    }
}
