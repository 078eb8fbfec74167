package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Correction;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The recorded signing of a project (签约项目) was corrected (更正): agreed investment, signing date, parties,
 * occasion, domain or project count had been recorded wrongly. Fields left null did not change;
 * {@code businessDate} is the date of the corrected fact (the signing, or the firm-up it cites).
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
        LocalDate businessDate) implements ProjectEvent, Correction {
}
