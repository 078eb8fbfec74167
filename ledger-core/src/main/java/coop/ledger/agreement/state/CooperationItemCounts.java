package coop.ledger.agreement.state;

import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.shared.Rates;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * How many items of a cooperation list (合作清单) are in each status, a batch entry counting as the items it stands
 * for ({@code itemCount}). The one definition of these figures: the record view, the list, the statistics, the
 * summary, a party's overview and the audit summary all count with it.
 */
public record CooperationItemCounts(long listed, long started, long completed, long dropped) {

    public static final CooperationItemCounts NONE = new CooperationItemCounts(0, 0, 0, 0);

    public static CooperationItemCounts of(Collection<AgreementState.CooperationItem> items) {
        CooperationItemCounts counts = NONE;
        for (AgreementState.CooperationItem item : items) {
            counts = counts.moved(null, item.status(), item.itemCount());
        }
        return counts;
    }

    /** Every item on the list, dropped ones included. */
    public long total() {
        return listed + started + completed + dropped;
    }

    /** Completed items as a share of the items not dropped; null when none is left to do. */
    public BigDecimal completionRate() {
        return Rates.completion(completed, total() - dropped);
    }

    public long in(ItemStatus status) {
        return switch (status) {
            case LISTED -> listed;
            case STARTED -> started;
            case COMPLETED -> completed;
            case DROPPED -> dropped;
        };
    }

    /** The counts after an entry of {@code count} items moved from {@code from} (null: newly listed) to {@code to}. */
    public CooperationItemCounts moved(ItemStatus from, ItemStatus to, long count) {
        return plus(from, -count).plus(to, count);
    }

    public CooperationItemCounts plus(CooperationItemCounts other) {
        return new CooperationItemCounts(listed + other.listed, started + other.started,
                completed + other.completed, dropped + other.dropped);
    }

    private CooperationItemCounts plus(ItemStatus status, long delta) {
        if (status == null) {
            return this;
        }
        return switch (status) {
            case LISTED -> new CooperationItemCounts(listed + delta, started, completed, dropped);
            case STARTED -> new CooperationItemCounts(listed, started + delta, completed, dropped);
            case COMPLETED -> new CooperationItemCounts(listed, started, completed + delta, dropped);
            case DROPPED -> new CooperationItemCounts(listed, started, completed, dropped + delta);
        };
    }
}
