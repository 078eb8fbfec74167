package coop.ledger.project.api;

import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Correct the recorded signing of a project. {@code correctsSequence} cites the signing, a firm-up or an earlier
 * project correction; null cites the latest of them. Fields left null keep their value.
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
        Long expectedVersion) {
}
