package coop.ledger.project.api;

import coop.ledger.shared.Correction;
import coop.ledger.shared.Money;

import java.time.LocalDate;

/**
 * A report of actual investment (实际投资) was corrected (更正). Fields left null did not change;
 * {@code businessDate} is the corrected report date.
 */
public record InvestmentReportCorrectedEvent(
        String projectId,
        String reportId,
        long correctsSequence,
        Money amount,
        LocalDate reportedOn,
        String reason,
        LocalDate businessDate) implements ProjectEvent, Correction {
}
