package coop.ledger.project.api;

import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Report actual investment (实际投资) made in the project since the previous report, as of {@code reportedOn}. */
public record ReportInvestmentCommand(
        @TargetAggregateIdentifier String projectId,
        String reportId,
        Money amount,
        LocalDate reportedOn,
        String note,
        Long expectedVersion) {
}
