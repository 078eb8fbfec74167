package coop.ledger.project.api;

import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Correct a report of actual investment. {@code correctsSequence} cites the report or a correction of it; null
 * cites the latest of them. Fields left null keep their value.
 */
public record CorrectInvestmentReportCommand(
        @TargetAggregateIdentifier String projectId,
        String reportId,
        Long correctsSequence,
        Money amount,
        LocalDate reportedOn,
        String reason,
        Long expectedVersion) {
}
