package coop.ledger.party.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Give a party a new name from a date on; the old name stays in its history. */
public record RenamePartyCommand(
        @TargetAggregateIdentifier String code,
        String nameZh,
        String nameEn,
        LocalDate effectiveOn,
        String reason,
        Long expectedVersion) {
}
