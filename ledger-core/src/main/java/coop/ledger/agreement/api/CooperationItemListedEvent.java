package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.util.List;

/**
 * An item was put on the agreement's cooperation list (合作清单); {@code itemCount} > 1 records a batch of items
 * the source reports only as a total, with {@code note} saying so.
 */
public record CooperationItemListedEvent(
        String agreementId,
        String itemId,
        String description,
        CooperationDomain domain,
        List<String> responsibleParties,
        LocalDate dueOn,
        LocalDate listedOn,
        Integer itemCount,
        String note) implements AgreementEvent {

    /** How many items the entry stands for; events recorded before batches existed carry none and mean one. */
    public int count() {
        return itemCount == null ? 1 : itemCount;
    }

    @Override
    public LocalDate businessDate() {
        return listedOn;
    }
}
