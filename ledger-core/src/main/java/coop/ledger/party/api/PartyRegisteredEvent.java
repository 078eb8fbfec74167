package coop.ledger.party.api;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.PartyKind;
import java.time.LocalDate;

/** A party was registered in the ledger. */
public record PartyRegisteredEvent(
        String code,
        String nameZh,
        String nameEn,
        PartyKind kind,
        String parentCode,
        LocalDate establishedOn,
        Provenance provenance) implements PartyEvent {

    /** A registration as recorded before provenance existed. */
    public PartyRegisteredEvent(String code, String nameZh, String nameEn, PartyKind kind, String parentCode,
                                LocalDate establishedOn) {
        this(code, nameZh, nameEn, kind, parentCode, establishedOn, null);
    }


    @Override
    public LocalDate businessDate() {
        return establishedOn;
    }
}
