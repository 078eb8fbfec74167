package coop.ledger.programme.api;

import java.time.LocalDate;

/** A programme item was completed: it can now be handled across borders. */
public record ServiceItemCompletedEvent(
        String programmeId,
        String itemId,
        LocalDate completedOn,
        String evidence) implements ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return completedOn;
    }
}
