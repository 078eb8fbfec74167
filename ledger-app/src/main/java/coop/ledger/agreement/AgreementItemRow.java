package coop.ledger.agreement;

import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.state.AgreementState.CooperationItem;
import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of an agreement's cooperation list (合作清单) as the read model keeps it: the core's
 * {@link CooperationItem}, folded by the core's own item fold. {@code itemCount} is how many items (事项) the entry
 * stands for: a batch the source reports only as a total counts as that many.
 */
record AgreementItemRow(String agreementId, CooperationItem item, long lastSequence, long lastPosition,
                        OffsetDateTime updatedAt) implements ProjectionRow {

    static AgreementItemRow listed(CooperationItemListedEvent e, Applied at) {
        return new AgreementItemRow(e.agreementId(), CooperationItem.listed(e), at.sequence(), at.position(),
                at.recordedAt());
    }

    /** The entry after a start, completion or drop; this row when the event was applied before. */
    AgreementItemRow apply(AgreementEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new AgreementItemRow(agreementId, item.apply(event), at.sequence(), at.position(), at.recordedAt());
    }

    String itemId() {
        return item.itemId();
    }

    String description() {
        return item.description();
    }

    CooperationDomain domain() {
        return item.domain();
    }

    ItemStatus status() {
        return item.status();
    }

    List<String> responsibleParties() {
        return item.responsibleParties();
    }

    LocalDate listedOn() {
        return item.listedOn();
    }

    LocalDate dueOn() {
        return item.dueOn();
    }

    LocalDate startedOn() {
        return item.startedOn();
    }

    LocalDate completedOn() {
        return item.completedOn();
    }

    LocalDate droppedOn() {
        return item.droppedOn();
    }

    int itemCount() {
        return item.itemCount();
    }

    String note() {
        return item.note();
    }
}
