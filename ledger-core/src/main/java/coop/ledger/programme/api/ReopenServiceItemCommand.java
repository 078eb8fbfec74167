package coop.ledger.programme.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A programme item recorded as completed is open again (e.g. it was recorded by mistake), and why. */
public record ReopenServiceItemCommand(
        @TargetAggregateIdentifier String programmeId,
        String itemId,
        LocalDate reopenedOn,
        String reason,
        Long expectedVersion) {
}
