package coop.ledger.party;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A party (参与方) as the dashboards list it: current names, kind and parent. */
public record PartyRow(
        String code,
        String nameZh,
        String nameEn,
        PartyKind kind,
        String parentCode,
        LocalDate establishedOn,
        int renames,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static PartyRow registered(PartyRegisteredEvent e, Applied at) {
        return new PartyRow(e.code(), e.nameZh(), e.nameEn(), e.kind(), e.parentCode(), e.establishedOn(), 0,
                at.sequence(), at.position(), at.recordedAt());
    }

    /** The row after {@code event}; this row itself when the event was applied before. */
    public PartyRow apply(PartyEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        if (event instanceof PartyRenamedEvent e) {
            return new PartyRow(code, e.nameZh(), e.nameEn(), kind, parentCode, establishedOn, renames + 1,
                    at.sequence(), at.position(), at.recordedAt());
        }
        return new PartyRow(code, nameZh, nameEn, kind, parentCode, establishedOn, renames, at.sequence(),
                at.position(), at.recordedAt());
    }
}
