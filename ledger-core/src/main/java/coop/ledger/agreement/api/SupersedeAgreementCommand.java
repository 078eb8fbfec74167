package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The agreement was replaced by another agreement recorded in the ledger. */
public record SupersedeAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        String supersededBy,
        LocalDate supersededOn,
        String reason,
        Long expectedVersion) {
}
