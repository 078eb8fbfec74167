package coop.ledger.party.api;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.PartyKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Register a party (参与方) under a stable code. A department names the government it belongs to as parent.
 * {@code establishedOn} is optional: the business date from which the party is known to exist.
 */
public record RegisterPartyCommand(
        @TargetAggregateIdentifier String code,
        String nameZh,
        String nameEn,
        PartyKind kind,
        String parentCode,
        LocalDate establishedOn,
        Provenance provenance) {

    /** A registration that does not say where it comes from. */
    public RegisterPartyCommand(String code, String nameZh, String nameEn, PartyKind kind, String parentCode,
                                LocalDate establishedOn) {
        this(code, nameZh, nameEn, kind, parentCode, establishedOn, null);
    }

}
