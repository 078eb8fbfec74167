package coop.ledger.programme;

import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import java.math.BigDecimal;

/**
 * Programme items (事项), each weighted by how many items its record stands for. {@code listSizeUnknown}: some of
 * them belong to a list whose size the source does not give, so {@code planned} is a lower bound and there is no
 * {@code completionRate} (null).
 */
public record ServiceProgress(long planned, long addedLater, long total, long completed, long withdrawn, long open,
                              BigDecimal completionRate, boolean listSizeUnknown) {

    /** The core's counts ({@link ItemCounts}, their one definition) as the API shows them. */
    public static ServiceProgress of(ItemCounts counts) {
        return new ServiceProgress(counts.planned(), counts.addedLater(), counts.total(), counts.completed(),
                counts.withdrawn(), counts.open(), counts.completionRate(), counts.listSizeUnknown());
    }
}
