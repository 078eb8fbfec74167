package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Add an item (事项) to an agreement's cooperation list (合作清单). {@code itemCount} (null means 1) lets one
 * entry stand for several items when a source reports only a total ("83 items"); {@code note} says so.
 */
public record ListCooperationItemCommand(
        @TargetAggregateIdentifier String agreementId,
        String itemId,
        String description,
        CooperationDomain domain,
        List<String> responsibleParties,
        LocalDate dueOn,
        LocalDate listedOn,
        Integer itemCount,
        String note,
        Long expectedVersion) {
}
