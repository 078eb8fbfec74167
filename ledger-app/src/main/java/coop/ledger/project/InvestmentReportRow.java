package coop.ledger.project;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One report of actual investment (实际投资) as last corrected (更正). Kept so a correction can move the project's
 * actual total by the difference; folds the same way as {@code ProjectState.InvestmentReport}.
 */
public record InvestmentReportRow(
        String projectId,
        String reportId,
        Money amount,
        LocalDate reportedOn,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static InvestmentReportRow reported(InvestmentReportedEvent e, Applied at) {
        return new InvestmentReportRow(e.projectId(), e.reportId(), e.amount(), e.reportedOn(), at.sequence(),
                at.position(), at.recordedAt());
    }

    /** The report with the correction's non-null values; this row when the correction was applied before. */
    public InvestmentReportRow corrected(InvestmentReportCorrectedEvent e, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new InvestmentReportRow(projectId, reportId, e.amount() != null ? e.amount() : amount,
                e.reportedOn() != null ? e.reportedOn() : reportedOn, at.sequence(), at.position(), at.recordedAt());
    }
}
