package coop.ledger.dashboard;

import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.shared.web.Label;
import java.math.BigDecimal;

/**
 * {@code completed} = {@code completedOriginal} (of the original list) + {@code completedAddedLater}.
 * {@code listSizeUnknown}: the group counts items of a list whose size the source does not give, so it has no
 * {@code completionRate} (null).
 */
record ProgrammeGroup(String key, Label label, long planned, long addedLater, long total, long completed,
                             long withdrawn, long open, BigDecimal completionRate, long completedOriginal,
                             long completedAddedLater, boolean listSizeUnknown) {

    public static ProgrammeGroup of(String key, Label label, ItemCounts counts) {
        return new ProgrammeGroup(key, label, counts.planned(), counts.addedLater(), counts.total(),
                counts.completed(), counts.withdrawn(), counts.open(), counts.completionRate(),
                counts.completedOriginal(), counts.completedAddedLater(), counts.listSizeUnknown());
    }
}
