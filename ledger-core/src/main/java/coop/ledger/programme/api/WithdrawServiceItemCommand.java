package coop.ledger.programme.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A programme item is taken off the list (已撤回), for the reason given. */
public record WithdrawServiceItemCommand(
        @TargetAggregateIdentifier String programmeId,
        String itemId,
        LocalDate withdrawnOn,
        String reason,
        Long expectedVersion) {
}
