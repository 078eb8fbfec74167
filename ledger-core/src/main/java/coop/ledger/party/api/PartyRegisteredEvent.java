package coop.ledger.party.api;

import coop.ledger.shared.PartyKind;
import java.time.LocalDate;

/** A party was registered in the ledger. */
public record PartyRegisteredEvent(
        String code,
        String nameZh,
        String nameEn,
        PartyKind kind,
        String parentCode,
        LocalDate establishedOn) implements PartyEvent {

    @Override
    public LocalDate businessDate() {
        return establishedOn;
    }
}
