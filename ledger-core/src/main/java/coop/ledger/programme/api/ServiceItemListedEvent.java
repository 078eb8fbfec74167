package coop.ledger.programme.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An item (事项) was put on the programme's list: in the original list, or added later (清单外新增,
 * {@code addedLater}). {@code itemCount} is 1 for one item; a larger count records a batch for which the source
 * reports only a total (e.g. "155 items completed"), with {@code note} saying so. {@code listSizeUnknown} says the
 * item stands for the known part of a list whose size the source does not give (e.g. 川渝通办 "已完成155项" with no
 * list total): its programme then has no completion rate ({@link coop.ledger.programme.state.ProgrammeState.ItemCounts}).
 * Listings recorded before it existed read it as null: their list size is known, as before.
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
        String note,
        Boolean listSizeUnknown) implements ProgrammeEvent {

    /** A listing of a list whose size is known, as recorded before a list's size could be unknown. */
    public ServiceItemListedEvent(String programmeId, String itemId, String name, String category,
                                  List<String> responsibleParties, LocalDate targetOn, boolean addedLater,
                                  int itemCount, LocalDate listedOn, String note) {
        this(programmeId, itemId, name, category, responsibleParties, targetOn, addedLater, itemCount, listedOn, note,
                null);
    }

    /** Whether the item belongs to a list whose size the source does not give. */
    public boolean ofListOfUnknownSize() {
        return Boolean.TRUE.equals(listSizeUnknown);
    }

    @Override
    public LocalDate businessDate() {
        return listedOn;
    }
}
