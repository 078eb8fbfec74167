package coop.ledger.party;

import coop.ledger.party.state.PartyState;
import coop.ledger.shared.web.Label;

import java.time.LocalDate;
import java.util.List;

/** A party as the API shows it. */
record PartyView(
        String code,
        String nameZh,
        String nameEn,
        Label kind,
        String parentCode,
        LocalDate establishedOn,
        List<PartyState.FormerName> formerNames,
        long version) {

    static PartyView of(PartyState s) {
        return new PartyView(s.code(), s.nameZh(), s.nameEn(), Label.of(s.kind()), s.parentCode(), s.establishedOn(),
                s.formerNames(), s.version());
    }
}
