package coop.ledger.programme;

import coop.ledger.shared.Provenance;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.query.PartyRef;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.shared.web.Label;

import java.time.LocalDate;
import java.util.List;

/**
 * A public-service programme as the API shows it: its items with status labels in both languages, and the
 * counts dashboards show (planned vs completed), for the whole programme, per category and per responsible party.
 */
record ProgrammeView(
        String id,
        String name,
        List<PartyRef> participants,
        String period,
        List<String> categories,
        LocalDate declaredOn,
        String note,
        ItemCounts counts,
        List<CategoryCounts> countsByCategory,
        List<PartyCounts> countsByResponsibleParty,
        List<Item> items,
        boolean inferred,
        Provenance provenance,
        long version) {

    record CategoryCounts(String category, ItemCounts counts) {
    }

    record PartyCounts(String partyCode, ItemCounts counts) {
    }

    record Item(String itemId, String name, String category, List<String> responsibleParties, LocalDate targetOn,
                boolean addedLater, int itemCount, LocalDate listedOn, String note, Label status,
                LocalDate completedOn, String evidence, LocalDate withdrawnOn, String withdrawReason,
                LocalDate reopenedOn, String reopenReason) {
    }

    /**
     * Parties are named as in the list ({@code {code, name}}), with their names as the record directory holds them
     * now.
     */
    static ProgrammeView of(ProgrammeState s, RecordDirectory names) {
        return new ProgrammeView(s.programmeId(), s.name(), PartyRef.named(names, s.participants()), s.period(),
                s.categories(), s.declaredOn(), s.note(), s.counts(),
                s.countsByCategory().entrySet().stream()
                        .map(e -> new CategoryCounts(e.getKey(), e.getValue())).toList(),
                s.countsByResponsibleParty().entrySet().stream()
                        .map(e -> new PartyCounts(e.getKey(), e.getValue())).toList(),
                s.items().stream().map(ProgrammeView::item).toList(),
                s.provenance() != null && s.provenance().hasInferredValues(), s.provenance(),
                s.version());
    }

    private static Item item(ProgrammeState.ServiceItem i) {
        return new Item(i.itemId(), i.name(), i.category(), i.responsibleParties(), i.targetOn(), i.addedLater(),
                i.itemCount(), i.listedOn(), i.note(), Label.of(i.status()), i.completedOn(), i.evidence(),
                i.withdrawnOn(), i.withdrawReason(), i.reopenedOn(), i.reopenReason());
    }
}
