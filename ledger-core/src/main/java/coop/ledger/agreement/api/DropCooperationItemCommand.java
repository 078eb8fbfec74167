package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A listed cooperation item will not be pursued, for the reason given. */
public record DropCooperationItemCommand(
        @TargetAggregateIdentifier String agreementId,
        String itemId,
        LocalDate droppedOn,
        String reason,
        Long expectedVersion) {
}
