package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.util.List;

/** An item was put on the agreement's cooperation list (合作清单). */
public record CooperationItemListedEvent(
        String agreementId,
        String itemId,
        String description,
        CooperationDomain domain,
        List<String> responsibleParties,
        LocalDate dueOn,
        LocalDate listedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return listedOn;
    }
}
