package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Correction;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The recorded signing of a project (签约项目) was corrected (更正): agreed investment (协议投资), total planned
 * investment (总投资), signing date, parties, occasion, domain or project count had been recorded wrongly. Fields
 * left null did not change; {@code businessDate} is the date of the corrected fact (the signing, or the firm-up it
 * cites).
 * <p>
 * {@code agreedInvestmentRemoved} / {@code plannedInvestmentRemoved} say that the project has no amount of that kind
 * any more: together with the other kind's new amount, they move an amount recorded as the wrong kind (e.g. a
 * source's 总投资 recorded as agreed investment) to the right one. Corrections recorded before planned investment
 * could be corrected read these three as null: they changed neither kind's presence, as before.
 */
public record ProjectCorrectedEvent(
        String projectId,
        long correctsSequence,
        Money agreedInvestment,
        LocalDate signedOn,
        List<String> hostParties,
        List<String> investors,
        String occasion,
        CooperationDomain domain,
        Integer projectCount,
        String reason,
        LocalDate businessDate,
        Money plannedInvestment,
        Boolean agreedInvestmentRemoved,
        Boolean plannedInvestmentRemoved) implements ProjectEvent, Correction {

    /** A correction that leaves the planned investment as it was, as recorded before it could be corrected. */
    public ProjectCorrectedEvent(String projectId, long correctsSequence, Money agreedInvestment, LocalDate signedOn,
                                 List<String> hostParties, List<String> investors, String occasion,
                                 CooperationDomain domain, Integer projectCount, String reason,
                                 LocalDate businessDate) {
        this(projectId, correctsSequence, agreedInvestment, signedOn, hostParties, investors, occasion, domain,
                projectCount, reason, businessDate, null, null, null);
    }

    /** Whether the correction says the project has no agreed investment (协议投资) any more. */
    public boolean removesAgreedInvestment() {
        return Boolean.TRUE.equals(agreedInvestmentRemoved);
    }

    /** Whether the correction says the project has no total planned investment (总投资) any more. */
    public boolean removesPlannedInvestment() {
        return Boolean.TRUE.equals(plannedInvestmentRemoved);
    }
}
