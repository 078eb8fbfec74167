package coop.ledger.programme.api;

import java.time.LocalDate;

/** A programme item was withdrawn from the list, and why. */
public record ServiceItemWithdrawnEvent(
        String programmeId,
        String itemId,
        LocalDate withdrawnOn,
        String reason) implements ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
