package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Correct the recorded signing of a project. {@code correctsSequence} cites the signing, a firm-up or an earlier
 * project correction; null cites the latest of them. Fields left null keep their value. {@code removeAgreedInvestment}
 * / {@code removePlannedInvestment} say the project has no amount of that kind: with the other kind's amount they
 * move an amount recorded as the wrong kind of investment to the right one.
 */
public record CorrectProjectCommand(
        @TargetAggregateIdentifier String projectId,
        Long correctsSequence,
        Money agreedInvestment,
        LocalDate signedOn,
        List<String> hostParties,
        List<String> investors,
        String occasion,
        CooperationDomain domain,
        Integer projectCount,
        String reason,
        Long expectedVersion,
        Money plannedInvestment,
        boolean removeAgreedInvestment,
        boolean removePlannedInvestment) {

    /** A correction of everything but the kinds of investment a project has. */
    public CorrectProjectCommand(String projectId, Long correctsSequence, Money agreedInvestment, LocalDate signedOn,
                                 List<String> hostParties, List<String> investors, String occasion,
                                 CooperationDomain domain, Integer projectCount, String reason,
                                 Long expectedVersion) {
        this(projectId, correctsSequence, agreedInvestment, signedOn, hostParties, investors, occasion, domain,
                projectCount, reason, expectedVersion, null, false, false);
    }
}
