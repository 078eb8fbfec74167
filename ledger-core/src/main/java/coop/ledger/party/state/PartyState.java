package coop.ledger.party.state;

import coop.ledger.shared.Provenance;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A party as its events describe it. The aggregate and every reader fold events through {@link #apply}, so the
 * state the rules see and the state readers see cannot drift apart.
 */
public record PartyState(
        String code,
        String nameZh,
        String nameEn,
        PartyKind kind,
        String parentCode,
        LocalDate establishedOn,
        List<FormerName> formerNames,
        long version,
        Provenance provenance) {

    /** The state without a provenance, for readers that keep none. */
    public PartyState(String code, String nameZh, String nameEn, PartyKind kind, String parentCode,
                      LocalDate establishedOn, List<FormerName> formerNames, long version) {
        this(code, nameZh, nameEn, kind, parentCode, establishedOn, formerNames, version, null);
    }

    /** A name the party held until {@code until}. */
    public record FormerName(String nameZh, String nameEn, LocalDate until) {
    }

    public static PartyState registered(PartyRegisteredEvent e) {
        return new PartyState(e.code(), e.nameZh(), e.nameEn(), e.kind(), e.parentCode(), e.establishedOn(),
                List.of(), 1, e.provenance());
    }

    /** Folds any party event, starting from no state ({@code null}) for the registration. */
    public static PartyState fold(PartyState state, PartyEvent event) {
        if (event instanceof PartyRegisteredEvent e) {
            return registered(e);
        }
        return state.apply(event);
    }

    /**
     * This state with only its newest former name, which is as far back as the party's rules look (a rename may
     * not be dated before the previous one). The aggregate keeps this, so a party renamed ten thousand times loads,
     * snapshots and decides as fast as a new one; readers fold the whole history.
     */
    public PartyState withNewestFormerNameOnly() {
        if (formerNames.size() <= 1) {
            return this;
        }
        return new PartyState(code, nameZh, nameEn, kind, parentCode, establishedOn,
                List.of(formerNames.get(formerNames.size() - 1)), version, provenance);
    }

    public PartyState apply(PartyEvent event) {
        if (event instanceof PartyRenamedEvent e) {
            List<FormerName> former = new ArrayList<>(formerNames);
            former.add(new FormerName(nameZh, nameEn, e.effectiveOn()));
            return new PartyState(code, e.nameZh(), e.nameEn(), kind, parentCode, establishedOn, List.copyOf(former),
                    version + 1, provenance);
        }
        throw new IllegalStateException("party " + code + " cannot apply " + event.getClass().getSimpleName());
    }
}
