package coop.ledger.programme;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One item (事项) of a programme. {@code itemCount} is how many items the record stands for (a batch reported only
 * in total counts as many); {@code addedLater} marks items added outside the original list (清单外新增).
 */
public record ProgrammeItemRow(
        String programmeId,
        String itemId,
        String name,
        String category,
        ServiceItemStatus status,
        boolean addedLater,
        int itemCount,
        List<String> responsibleParties,
        LocalDate targetOn,
        LocalDate listedOn,
        LocalDate completedOn,
        LocalDate withdrawnOn,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static ProgrammeItemRow listed(ServiceItemListedEvent e, Applied at) {
        return new ProgrammeItemRow(e.programmeId(), e.itemId(), e.name(), e.category(), ServiceItemStatus.OPEN,
                e.addedLater(), Math.max(e.itemCount(), 1),
                e.responsibleParties() == null ? List.of() : List.copyOf(e.responsibleParties()), e.targetOn(),
                e.listedOn(), null, null, at.sequence(), at.position(), at.recordedAt());
    }

    /**
     * The item after a completion, withdrawal, reopening or correction (更正); this row when the event was applied
     * before.
     */
    public ProgrammeItemRow apply(ProgrammeEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        if (event instanceof ServiceItemCorrectedEvent e) {
            return new ProgrammeItemRow(programmeId, itemId, name, e.category() != null ? e.category() : category,
                    status, addedLater, e.itemCount() != null ? e.itemCount() : itemCount, responsibleParties,
                    e.targetOn() != null ? e.targetOn() : targetOn, listedOn, completedOn, withdrawnOn,
                    at.sequence(), at.position(), at.recordedAt());
        }
        ServiceItemStatus newStatus = status;
        LocalDate completed = completedOn;
        LocalDate withdrawn = withdrawnOn;
        if (event instanceof ServiceItemCompletedEvent e) {
            newStatus = ServiceItemStatus.COMPLETED;
            completed = e.completedOn();
        } else if (event instanceof ServiceItemWithdrawnEvent e) {
            newStatus = ServiceItemStatus.WITHDRAWN;
            withdrawn = e.withdrawnOn();
        } else if (event instanceof ServiceItemReopenedEvent) {
            newStatus = ServiceItemStatus.OPEN;
            completed = null;
        }
        return new ProgrammeItemRow(programmeId, itemId, name, category, newStatus, addedLater, itemCount,
                responsibleParties, targetOn, listedOn, completed, withdrawn, at.sequence(), at.position(),
                at.recordedAt());
    }
}
