package coop.ledger.programme.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An open programme item was completed (已完成), with a note of the evidence. */
public record CompleteServiceItemCommand(
        @TargetAggregateIdentifier String programmeId,
        String itemId,
        LocalDate completedOn,
        String evidence,
        Long expectedVersion) {
}
