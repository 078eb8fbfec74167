package coop.ledger.agreement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An observer (观察员) of an agreement becomes one of its signatories. */
public record PromoteObserverCommand(
        @TargetAggregateIdentifier String agreementId,
        String partyCode,
        LocalDate promotedOn,
        Long expectedVersion) {
}
