package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record the signing of a project (签约项目) by its investors with its host parties, or of an intention only
 * (意向性协议). {@code projectCount} null means one project; a larger count records a batch reported only in totals.
 * {@code agreedInvestment} (协议投资) may be null when the source reports no amount; {@code plannedInvestment}
 * (总投资) is the total planned investment where a source gives that figure, kept apart from the agreed investment.
 */
public record SignProjectCommand(
        @TargetAggregateIdentifier String projectId,
        String name,
        List<String> investors,
        List<String> hostParties,
        String occasion,
        String agreementId,
        CooperationDomain domain,
        Money agreedInvestment,
        LocalDate signedOn,
        boolean intention,
        Integer projectCount,
        String note,
        Money plannedInvestment,
        Provenance provenance) {

    public SignProjectCommand(String projectId, String name, List<String> investors, List<String> hostParties,
                              String occasion, String agreementId, CooperationDomain domain, Money agreedInvestment,
                              LocalDate signedOn, boolean intention, Integer projectCount, String note) {
        this(projectId, name, investors, hostParties, occasion, agreementId, domain, agreedInvestment, signedOn,
                intention, projectCount, note, null, null);
    }
}
