package coop.ledger.agreement.api;

import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * A compensation or fund payment made under the agreement (e.g. 生态补偿资金), from one signatory to another.
 */
public record RecordPaymentCommand(
        @TargetAggregateIdentifier String agreementId,
        String paymentId,
        String payer,
        String payee,
        Money amount,
        LocalDate paidOn,
        String purpose,
        Long expectedVersion) {
}
