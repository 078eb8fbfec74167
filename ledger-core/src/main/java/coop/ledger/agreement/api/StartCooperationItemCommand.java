package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Work on a listed cooperation item has begun. */
public record StartCooperationItemCommand(
        @TargetAggregateIdentifier String agreementId,
        String itemId,
        LocalDate startedOn,
        Long expectedVersion) {
}
