package coop.ledger.project.api;

import java.time.LocalDate;

/** Construction of the project started (开工). */
public record ProjectConstructionStartedEvent(
        String projectId,
        LocalDate startedOn) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
