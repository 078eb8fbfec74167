package coop.ledger.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one way a completion rate (完成率) is computed, whatever is being completed. */
public final class Rates {

    private Rates() {
    }

    /**
     * The completed share of what is to be done: 0..1 with four decimals (half up); null when nothing is to be
     * done, since a rate of nothing is not 0 %.
     */
    public static BigDecimal completion(long done, long toDo) {
        return toDo <= 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(toDo), 4, RoundingMode.HALF_UP);
    }
}
