package coop.ledger.agreement.api;

import coop.ledger.shared.CooperationDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Add an item (事项) to an agreement's cooperation list (合作清单). */
public record ListCooperationItemCommand(
        @TargetAggregateIdentifier String agreementId,
        String itemId,
        String description,
        CooperationDomain domain,
        List<String> responsibleParties,
        LocalDate dueOn,
        LocalDate listedOn,
        Long expectedVersion) {
}
