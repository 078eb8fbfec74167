package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A listed cooperation item was completed, with a note of the evidence. */
public record CompleteCooperationItemCommand(
        @TargetAggregateIdentifier String agreementId,
        String itemId,
        LocalDate completedOn,
        String evidence,
        Long expectedVersion) {
}
