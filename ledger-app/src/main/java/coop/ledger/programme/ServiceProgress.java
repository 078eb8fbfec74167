package coop.ledger.programme;

import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import java.math.BigDecimal;

/** Programme items (事项), each weighted by how many items its record stands for. */
public record ServiceProgress(long planned, long addedLater, long total, long completed, long withdrawn, long open,
                              BigDecimal completionRate) {

    /** The core's counts ({@link ItemCounts}, their one definition) as the API shows them. */
    public static ServiceProgress of(ItemCounts counts) {
        return new ServiceProgress(counts.planned(), counts.addedLater(), counts.total(), counts.completed(),
                counts.withdrawn(), counts.open(), counts.completionRate());
    }
}
