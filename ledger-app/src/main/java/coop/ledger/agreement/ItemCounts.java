package coop.ledger.agreement;

import coop.ledger.agreement.api.ItemStatus;

/** How many items of a cooperation list (合作清单) are in each status, a batch entry counting as its items. */
public record ItemCounts(int listed, int started, int completed, int dropped) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0);

    public int total() {
        return listed + started + completed + dropped;
    }

    /**
     * The counts after an entry of {@code count} items moved from {@code from} (null for a newly listed entry) to
     * {@code to}.
     */
    public ItemCounts moved(ItemStatus from, ItemStatus to, int count) {
        return plus(from, -count).plus(to, count);
    }

    private ItemCounts plus(ItemStatus status, int delta) {
        if (status == null) {
            return this;
        }
        return switch (status) {
            case LISTED -> new ItemCounts(listed + delta, started, completed, dropped);
            case STARTED -> new ItemCounts(listed, started + delta, completed, dropped);
            case COMPLETED -> new ItemCounts(listed, started, completed + delta, dropped);
            case DROPPED -> new ItemCounts(listed, started, completed, dropped + delta);
        };
    }
}
