package coop.ledger.project.api;

import java.time.LocalDate;

/** The project was completed and is in operation or production (建成投用/投产). */
public record ProjectCompletedEvent(
        String projectId,
        LocalDate completedOn) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return completedOn;
    }
}
