package coop.ledger.party.api;

import java.time.LocalDate;

/** A party took a new name on {@code effectiveOn}; the previous name is kept for the record. */
public record PartyRenamedEvent(
        String code,
        String previousNameZh,
        String previousNameEn,
        String nameZh,
        String nameEn,
        LocalDate effectiveOn,
        String reason) implements PartyEvent {

    @Override
    public LocalDate businessDate() {
        return effectiveOn;
    }
}
