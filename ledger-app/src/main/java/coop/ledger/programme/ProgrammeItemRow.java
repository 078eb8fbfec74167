package coop.ledger.programme;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.programme.state.ProgrammeState.ServiceItem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One item (事项) of a programme as the read model keeps it: the core's {@link ServiceItem}, folded by the core's
 * own item fold, and what it adds to its programme's counts ({@link ItemCounts}, their one definition), so the
 * tables only sum what the core counted.
 */
record ProgrammeItemRow(String programmeId, ServiceItem item, long lastSequence, long lastPosition,
                        OffsetDateTime updatedAt) implements ProjectionRow {

    static ProgrammeItemRow listed(ServiceItemListedEvent e, Applied at) {
        return new ProgrammeItemRow(e.programmeId(), ServiceItem.listed(e), at.sequence(), at.position(),
                at.recordedAt());
    }

    /** The item after a completion, withdrawal, reopening or correction (更正); this row when applied before. */
    ProgrammeItemRow apply(ProgrammeEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new ProgrammeItemRow(programmeId, item.apply(event), at.sequence(), at.position(), at.recordedAt());
    }

    /** What this item adds to its programme's counts. */
    ItemCounts counts() {
        return ItemCounts.of(item);
    }

    String itemId() {
        return item.itemId();
    }

    String name() {
        return item.name();
    }

    String category() {
        return item.category();
    }

    ServiceItemStatus status() {
        return item.status();
    }

    boolean addedLater() {
        return item.addedLater();
    }

    int itemCount() {
        return item.itemCount();
    }

    List<String> responsibleParties() {
        return item.responsibleParties();
    }

    LocalDate targetOn() {
        return item.targetOn();
    }

    LocalDate listedOn() {
        return item.listedOn();
    }

    LocalDate completedOn() {
        return item.completedOn();
    }

    LocalDate withdrawnOn() {
        return item.withdrawnOn();
    }
}
