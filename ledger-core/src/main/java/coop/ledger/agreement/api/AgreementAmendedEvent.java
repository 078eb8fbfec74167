package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.util.Set;

/** The agreement was amended; fields left null did not change. */
public record AgreementAmendedEvent(
        String agreementId,
        LocalDate amendedOn,
        String title,
        String summary,
        Set<CooperationDomain> domains,
        String description,
        String reason) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return amendedOn;
    }
}
