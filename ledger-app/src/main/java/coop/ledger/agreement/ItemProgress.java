package coop.ledger.agreement;

import coop.ledger.agreement.state.CooperationItemCounts;
import java.math.BigDecimal;

/** The cooperation list (合作清单) of one or more agreements, by status. */
public record ItemProgress(long listed, long started, long completed, long dropped, long total,
                           BigDecimal completionRate) {

    /** The core's counts ({@link CooperationItemCounts}, their one definition) as the API shows them. */
    public static ItemProgress of(CooperationItemCounts counts) {
        return new ItemProgress(counts.listed(), counts.started(), counts.completed(), counts.dropped(),
                counts.total(), counts.completionRate());
    }
}
