package coop.ledger.agreement.api;

import coop.ledger.shared.Provenance;
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
        String summary,
        Provenance provenance) implements AgreementEvent {

    /** A signing as recorded before provenance existed. */
    public AgreementSignedEvent(String agreementId, String title, AgreementKind kind, List<String> signatories,
                                List<String> observers, LocalDate signedOn, String place, String occasion,
                                Set<CooperationDomain> domains, String summary) {
        this(agreementId, title, kind, signatories, observers, signedOn, place, occasion, domains, summary, null);
    }


    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
