package coop.ledger.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The project was completed and went into operation or production (建成投用/投产). */
public record CompleteProjectCommand(
        @TargetAggregateIdentifier String projectId,
        LocalDate completedOn,
        Long expectedVersion) {
}
