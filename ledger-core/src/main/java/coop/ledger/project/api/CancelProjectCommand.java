package coop.ledger.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The project was cancelled, for the reason given. */
public record CancelProjectCommand(
        @TargetAggregateIdentifier String projectId,
        LocalDate cancelledOn,
        String reason,
        Long expectedVersion) {
}
