package coop.ledger.project;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.state.ProjectState.InvestmentReport;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One report of actual investment (实际投资) as last corrected (更正): the core's {@link InvestmentReport}, folded by
 * the core's own report fold. Kept so a correction can move the project's actual total by the difference.
 */
record InvestmentReportRow(String projectId, InvestmentReport report, long lastSequence, long lastPosition,
                           OffsetDateTime updatedAt) implements ProjectionRow {

    static InvestmentReportRow reported(InvestmentReportedEvent e, Applied at) {
        return new InvestmentReportRow(e.projectId(), InvestmentReport.reported(e), at.sequence(), at.position(),
                at.recordedAt());
    }

    /** The report with the correction's non-null values; this row when the correction was applied before. */
    InvestmentReportRow corrected(InvestmentReportCorrectedEvent e, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new InvestmentReportRow(projectId, report.corrected(e), at.sequence(), at.position(),
                at.recordedAt());
    }

    String reportId() {
        return report.reportId();
    }

    Money amount() {
        return report.amount();
    }

    LocalDate reportedOn() {
        return report.reportedOn();
    }
}
