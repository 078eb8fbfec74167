package coop.ledger.project.api;

import java.time.LocalDate;

/** The project was cancelled, and why. */
public record ProjectCancelledEvent(
        String projectId,
        LocalDate cancelledOn,
        String reason) implements ProjectEvent {

    @Override
    public LocalDate businessDate() {
        return cancelledOn;
    }
}
