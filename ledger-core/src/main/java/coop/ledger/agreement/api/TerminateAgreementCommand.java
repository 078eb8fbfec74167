package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The parties ended the agreement before its term, for the reason given. */
public record TerminateAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        LocalDate terminatedOn,
        String reason,
        Long expectedVersion) {
}
