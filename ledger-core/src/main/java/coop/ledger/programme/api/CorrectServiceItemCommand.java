package coop.ledger.programme.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Correct the recorded listing of a programme item. {@code correctsSequence} cites the listing or a correction
 * of it; null cites the latest of them. Fields left null keep their value.
 */
public record CorrectServiceItemCommand(
        @TargetAggregateIdentifier String programmeId,
        String itemId,
        Long correctsSequence,
        Integer itemCount,
        LocalDate targetOn,
        String category,
        String reason,
        Long expectedVersion) {
}
