package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The agreement reached the end of its term. */
public record ExpireAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        LocalDate expiredOn,
        Long expectedVersion) {
}
