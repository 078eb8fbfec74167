package coop.ledger.programme.state;

import coop.ledger.shared.Provenance;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;

import coop.ledger.shared.Rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A public-service programme (公共服务/政务服务事项) as its events describe it: its items with their status and
 * dates, and the counts dashboards show (planned vs completed). The aggregate and every reader fold events through
 * {@link #fold}, so the rules and the readers see one state. Counts add up {@code itemCount}, so a batch the source
 * reports only as a total ("155 items completed") counts as that many items.
 */
public record ProgrammeState(
        String programmeId,
        String name,
        List<String> participants,
        String period,
        List<String> categories,
        LocalDate declaredOn,
        String note,
        List<ServiceItem> items,
        long version,
        Provenance provenance) {

    /** One item (事项), or a batch of {@code itemCount} items, on the programme's list. */
    public record ServiceItem(
            String itemId,
            String name,
            String category,
            List<String> responsibleParties,
            LocalDate targetOn,
            boolean addedLater,
            int itemCount,
            LocalDate listedOn,
            String note,
            ServiceItemStatus status,
            LocalDate completedOn,
            String evidence,
            LocalDate withdrawnOn,
            String withdrawReason,
            LocalDate reopenedOn,
            String reopenReason,
            boolean listSizeUnknown) {

        /** An item as its listing records it. */
        public static ServiceItem listed(ServiceItemListedEvent e) {
            return new ServiceItem(e.itemId(), e.name(), e.category(), List.copyOf(e.responsibleParties()),
                    e.targetOn(), e.addedLater(), e.itemCount(), e.listedOn(), e.note(), ServiceItemStatus.OPEN, null,
                    null, null, null, null, null, e.ofListOfUnknownSize());
        }

        /**
         * The item after one of its own events (completion, withdrawal, reopening, correction): the one fold of an
         * item, used by the programme's state and by the read model's item rows alike.
         */
        public ServiceItem apply(ProgrammeEvent event) {
            if (event instanceof ServiceItemCompletedEvent e) {
                return completed(e.completedOn(), e.evidence());
            }
            if (event instanceof ServiceItemWithdrawnEvent e) {
                return withdrawn(e.withdrawnOn(), e.reason());
            }
            if (event instanceof ServiceItemReopenedEvent e) {
                return reopened(e.reopenedOn(), e.reason());
            }
            if (event instanceof ServiceItemCorrectedEvent e) {
                return corrected(e);
            }
            throw new IllegalArgumentException("item " + itemId + " cannot apply " + event.getClass().getSimpleName());
        }

        /** The item a completion, withdrawal, reopening or correction is about; null for any other event. */
        public static String itemIdOf(ProgrammeEvent event) {
            if (event instanceof ServiceItemCompletedEvent e) {
                return e.itemId();
            }
            if (event instanceof ServiceItemWithdrawnEvent e) {
                return e.itemId();
            }
            if (event instanceof ServiceItemReopenedEvent e) {
                return e.itemId();
            }
            if (event instanceof ServiceItemCorrectedEvent e) {
                return e.itemId();
            }
            return null;
        }

        /** The date of the item's latest step: nothing that follows may be dated before it. */
        public LocalDate lastStepOn() {
            if (status == ServiceItemStatus.COMPLETED) {
                return completedOn;
            }
            if (status == ServiceItemStatus.WITHDRAWN) {
                return withdrawnOn;
            }
            return reopenedOn != null ? reopenedOn : listedOn;
        }

        ServiceItem completed(LocalDate on, String evidenceNote) {
            return new ServiceItem(itemId, name, category, responsibleParties, targetOn, addedLater, itemCount,
                    listedOn, note, ServiceItemStatus.COMPLETED, on, evidenceNote, null, null, reopenedOn,
                    reopenReason, listSizeUnknown);
        }

        /** A withdrawn item keeps its completion, if it had one, as history. */
        ServiceItem withdrawn(LocalDate on, String reason) {
            return new ServiceItem(itemId, name, category, responsibleParties, targetOn, addedLater, itemCount,
                    listedOn, note, ServiceItemStatus.WITHDRAWN, completedOn, evidence, on, reason, reopenedOn,
                    reopenReason, listSizeUnknown);
        }

        ServiceItem corrected(ServiceItemCorrectedEvent e) {
            return new ServiceItem(itemId, name, e.category() != null ? e.category() : category, responsibleParties,
                    e.targetOn() != null ? e.targetOn() : targetOn, addedLater,
                    e.itemCount() != null ? e.itemCount() : itemCount, listedOn, note, status, completedOn, evidence,
                    withdrawnOn, withdrawReason, reopenedOn, reopenReason, listSizeUnknown);
        }

        /** A reopened item is no longer completed: its completion was a mistake. */
        ServiceItem reopened(LocalDate on, String reason) {
            return new ServiceItem(itemId, name, category, responsibleParties, targetOn, addedLater, itemCount,
                    listedOn, note, ServiceItemStatus.OPEN, null, null, null, null, on, reason, listSizeUnknown);
        }
    }

    /**
     * How many items a programme (or one category or responsible party of it) has, each batch counted by its
     * {@code itemCount}: the one definition of these figures, which the record view, the list, the statistics,
     * the summary, a party's overview and the audit summary all use. {@code planned}: in the original list and not
     * withdrawn; {@code addedLater}: added outside the original list (清单外新增) and not withdrawn; a withdrawn item
     * is neither, and counts only in {@code withdrawn}. {@code completed} = {@code completedOriginal} +
     * {@code completedAddedLater}; {@code planned} + {@code addedLater} = {@code completed} + {@code open}.
     */
    public record ItemCounts(long planned, long addedLater, long completed, long completedOriginal,
                             long completedAddedLater, long withdrawn, long open, long ofListsOfUnknownSize) {

        public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0, 0, 0);

        /** Counts of lists whose size is known. */
        public ItemCounts(long planned, long addedLater, long completed, long completedOriginal,
                          long completedAddedLater, long withdrawn, long open) {
            this(planned, addedLater, completed, completedOriginal, completedAddedLater, withdrawn, open, 0);
        }

        /**
         * Whether the counts include items of a list whose size the source does not give: {@code planned} then
         * counts only the items recorded, a lower bound, and there is no completion rate.
         */
        public boolean listSizeUnknown() {
            return ofListsOfUnknownSize > 0;
        }

        public static ItemCounts of(List<ServiceItem> items) {
            ItemCounts counts = NONE;
            for (ServiceItem item : items) {
                counts = counts.plus(item);
            }
            return counts;
        }

        /** What one item (or batch) adds to its programme's counts. */
        public static ItemCounts of(ServiceItem item) {
            return NONE.plus(item);
        }

        /** The items still on the list: planned and added later, withdrawn ones not. */
        public long total() {
            return planned + addedLater;
        }

        /**
         * Completed items as a share of those still on the list; null when the list is empty, and null when the size
         * of a list counted here is unknown: a rate over only the items recorded would read as complete (川渝通办's
         * "已完成155项" as 100%), and a sum must not average such a rate in.
         */
        public BigDecimal completionRate() {
            return listSizeUnknown() ? null : Rates.completion(completed, total());
        }

        public ItemCounts plus(ItemCounts other) {
            return new ItemCounts(planned + other.planned, addedLater + other.addedLater,
                    completed + other.completed, completedOriginal + other.completedOriginal,
                    completedAddedLater + other.completedAddedLater, withdrawn + other.withdrawn,
                    open + other.open, ofListsOfUnknownSize + other.ofListsOfUnknownSize);
        }

        ItemCounts plus(ServiceItem item) {
            long n = item.itemCount();
            boolean withdrawnItem = item.status() == ServiceItemStatus.WITHDRAWN;
            boolean completedItem = item.status() == ServiceItemStatus.COMPLETED;
            boolean original = !item.addedLater();
            return new ItemCounts(
                    planned + (original && !withdrawnItem ? n : 0),
                    addedLater + (!original && !withdrawnItem ? n : 0),
                    completed + (completedItem ? n : 0),
                    completedOriginal + (completedItem && original ? n : 0),
                    completedAddedLater + (completedItem && !original ? n : 0),
                    withdrawn + (withdrawnItem ? n : 0),
                    open + (item.status() == ServiceItemStatus.OPEN ? n : 0),
                    ofListsOfUnknownSize + (item.listSizeUnknown() && !withdrawnItem ? n : 0));
        }
    }

    public static ProgrammeState declared(ProgrammeDeclaredEvent e) {
        return new ProgrammeState(e.programmeId(), e.name(), List.copyOf(e.participants()), e.period(),
                e.categories() == null ? List.of() : List.copyOf(e.categories()), e.declaredOn(), e.note(),
                List.of(), 1, e.provenance());
    }

    /** Folds any programme event, starting from no state ({@code null}) for the declaration. */
    public static ProgrammeState fold(ProgrammeState state, ProgrammeEvent event) {
        if (event instanceof ProgrammeDeclaredEvent e) {
            return declared(e);
        }
        return state.apply(event);
    }

    public ProgrammeState apply(ProgrammeEvent event) {
        if (event instanceof ServiceItemListedEvent e) {
            return withItems(append(items, ServiceItem.listed(e)));
        }
        String itemId = ServiceItem.itemIdOf(event);
        if (itemId == null) {
            throw new IllegalStateException("programme " + programmeId + " cannot apply "
                    + event.getClass().getSimpleName());
        }
        return withItem(itemId, i -> i.apply(event));
    }

    public Optional<ServiceItem> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    /** The counts of the whole programme. */
    public ItemCounts counts() {
        return ItemCounts.of(items);
    }

    /**
     * Counts per category: every declared category in declaration order (with zeros when it has no items yet),
     * then any other category items name. Items without a category are counted in no category.
     */
    public Map<String, ItemCounts> countsByCategory() {
        Map<String, ItemCounts> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c, ItemCounts.NONE));
        for (ServiceItem item : items) {
            if (item.category() != null) {
                counts.merge(item.category(), ItemCounts.NONE.plus(item), (old, none) -> old.plus(item));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Counts per responsible party, in the order the parties first appear on the list. An item with several
     * responsible parties counts for each of them, so these counts do not add up to the programme's.
     */
    public Map<String, ItemCounts> countsByResponsibleParty() {
        Map<String, ItemCounts> counts = new LinkedHashMap<>();
        for (ServiceItem item : items) {
            for (String party : item.responsibleParties()) {
                counts.merge(party, ItemCounts.NONE.plus(item), (old, none) -> old.plus(item));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private ProgrammeState withItems(List<ServiceItem> newItems) {
        return new ProgrammeState(programmeId, name, participants, period, categories, declaredOn, note, newItems,
                version + 1, provenance);
    }

    private ProgrammeState withItem(String itemId, UnaryOperator<ServiceItem> change) {
        return withItems(items.stream().map(i -> i.itemId().equals(itemId) ? change.apply(i) : i).toList());
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
