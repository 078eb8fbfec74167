package coop.ledger.party;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.query.PartyRef;
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
        PartyRef parent,
        LocalDate establishedOn,
        List<PartyState.FormerName> formerNames,
        boolean inferred,
        Provenance provenance,
        long version) {

    /**
     * The parent is named as in the list ({@code {code, name}}, null without one), with its name as the record
     * directory holds it now.
     */
    static PartyView of(PartyState s, RecordDirectory names) {
        return new PartyView(s.code(), s.nameZh(), s.nameEn(), Label.of(s.kind()),
                s.parentCode() == null ? null : PartyRef.named(names, s.parentCode()), s.establishedOn(),
                s.formerNames(), s.provenance() != null && s.provenance().hasInferredValues(), s.provenance(),
                s.version());
    }
}
