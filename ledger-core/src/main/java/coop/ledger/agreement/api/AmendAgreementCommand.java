package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * The parties amended the agreement. {@code title}, {@code summary} and {@code domains} are the new values, or
 * null where unchanged; {@code description} says what changed and {@code reason} why.
 */
public record AmendAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        LocalDate amendedOn,
        String title,
        String summary,
        Set<CooperationDomain> domains,
        String description,
        String reason,
        Long expectedVersion) {
}
