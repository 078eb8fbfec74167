package coop.ledger.project.api;

import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An intention (意向性协议) became a signed project, with a new agreed investment or (null) the one it had. */
public record FirmUpProjectCommand(
        @TargetAggregateIdentifier String projectId,
        LocalDate firmedUpOn,
        Money agreedInvestment,
        Long expectedVersion) {
}
