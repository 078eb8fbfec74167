package coop.ledger.programme.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An item (事项) was put on the programme's list: in the original list, or added later (清单外新增,
 * {@code addedLater}). {@code itemCount} is 1 for one item; a larger count records a batch for which the source
 * reports only a total (e.g. "155 items completed"), with {@code note} saying so.
 */
public record ServiceItemListedEvent(
        String programmeId,
        String itemId,
        String name,
        String category,
        List<String> responsibleParties,
        LocalDate targetOn,
        boolean addedLater,
        int itemCount,
        LocalDate listedOn,
        String note) implements ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return listedOn;
    }
}
