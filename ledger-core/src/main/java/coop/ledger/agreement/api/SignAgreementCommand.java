package coop.ledger.agreement.api;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.CooperationDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Record the signing of a cooperation agreement (合作协议) by two or more signatories. */
public record SignAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        String title,
        AgreementKind kind,
        List<String> signatories,
        List<String> observers,
        LocalDate signedOn,
        String place,
        String occasion,
        Set<CooperationDomain> domains,
        String summary,
        Provenance provenance) {

    /** A signing that does not say where it comes from. */
    public SignAgreementCommand(String agreementId, String title, AgreementKind kind, List<String> signatories,
                                List<String> observers, LocalDate signedOn, String place, String occasion,
                                Set<CooperationDomain> domains, String summary) {
        this(agreementId, title, kind, signatories, observers, signedOn, place, occasion, domains, summary, null);
    }

}
