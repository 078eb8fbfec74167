package coop.ledger.programme.api;

import java.time.LocalDate;

/** A programme item recorded as completed by mistake is open again, and why. */
public record ServiceItemReopenedEvent(
        String programmeId,
        String itemId,
        LocalDate reopenedOn,
        String reason) implements ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return reopenedOn;
    }
}
