package coop.ledger.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Construction of a signed project started (开工). */
public record StartProjectConstructionCommand(
        @TargetAggregateIdentifier String projectId,
        LocalDate startedOn,
        Long expectedVersion) {
}
