package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A cooperation agreement was signed. */
public record AgreementSignedEvent(
        String agreementId,
        String title,
        AgreementKind kind,
        List<String> signatories,
        List<String> observers,
        LocalDate signedOn,
        String place,
        String occasion,
        Set<CooperationDomain> domains,
        String summary) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
