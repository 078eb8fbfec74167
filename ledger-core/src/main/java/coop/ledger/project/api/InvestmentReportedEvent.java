package coop.ledger.project.api;

import coop.ledger.shared.Money;

import java.time.LocalDate;

/**
 * Actual investment (实际投资) was reported for the project: {@code amount} is the investment made since the
 * previous report (always positive), as of {@code reportedOn}; the project's actual total is the sum of reports.
 */
public record InvestmentReportedEvent(
        String projectId,
        String reportId,
        Money amount,
        LocalDate reportedOn,
        String note) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return reportedOn;
    }
}
