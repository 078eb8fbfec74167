package coop.ledger.agreement;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of an agreement's cooperation list (合作清单), with who is responsible for it. {@code itemCount} is how
 * many items (事项) the entry stands for: a batch the source reports only as a total counts as that many.
 */
public record AgreementItemRow(
        String agreementId,
        String itemId,
        String description,
        CooperationDomain domain,
        ItemStatus status,
        List<String> responsibleParties,
        LocalDate listedOn,
        LocalDate dueOn,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate droppedOn,
        int itemCount,
        String note,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static AgreementItemRow listed(CooperationItemListedEvent e, Applied at) {
        return new AgreementItemRow(e.agreementId(), e.itemId(), e.description(), e.domain(), ItemStatus.LISTED,
                e.responsibleParties() == null ? List.of() : List.copyOf(e.responsibleParties()), e.listedOn(),
                e.dueOn(), null, null, null, e.count(), e.note(), at.sequence(), at.position(), at.recordedAt());
    }

    /** The item after a start, completion or drop; this row when the event was applied before. */
    public AgreementItemRow apply(AgreementEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        ItemStatus newStatus = status;
        LocalDate started = startedOn;
        LocalDate completed = completedOn;
        LocalDate dropped = droppedOn;
        if (event instanceof CooperationItemStartedEvent e) {
            newStatus = ItemStatus.STARTED;
            started = e.startedOn();
        } else if (event instanceof CooperationItemCompletedEvent e) {
            newStatus = ItemStatus.COMPLETED;
            completed = e.completedOn();
        } else if (event instanceof CooperationItemDroppedEvent e) {
            newStatus = ItemStatus.DROPPED;
            dropped = e.droppedOn();
        }
        return new AgreementItemRow(agreementId, itemId, description, domain, newStatus, responsibleParties,
                listedOn, dueOn, started, completed, dropped, itemCount, note, at.sequence(), at.position(), at.recordedAt());
    }
}
