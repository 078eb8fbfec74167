package coop.ledger.programme;

import coop.ledger.processing.ReadModelStore;
import coop.ledger.processing.ReadModelStore.Write;
import coop.ledger.processing.ReadModelTables;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.programme.state.ProgrammeState.ServiceItem;
import coop.ledger.shared.query.Codes;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static coop.ledger.processing.Columns.date;
import static coop.ledger.processing.Columns.lines;
import static coop.ledger.processing.Columns.time;

/** The programme slice's projection tables: programmes, their participants, items and responsible parties. */
@Component
class ProgrammeRows implements ReadModelTables {

    private static final List<String> PROGRAMME_COLUMNS = List.of("id", "name", "period_text", "participants",
            "categories", "declared_on", "note", "last_sequence", "last_position", "updated_at");
    private static final List<String> ITEM_COLUMNS = List.of("programme_id", "item_id", "name", "category",
            "status", "added_later", "item_count", "responsible_parties", "target_on", "listed_on", "completed_on",
            "withdrawn_on", "last_sequence", "last_position", "updated_at", "planned_items", "added_later_items",
            "completed_items", "completed_original_items", "completed_added_later_items", "withdrawn_items",
            "open_items", "unknown_list_items", "list_size_unknown");

    private final ReadModelStore store;
    private final String upsertProgramme;
    private final String upsertItem;

    ProgrammeRows(ReadModelStore store) {
        this.store = store;
        upsertProgramme = store.upsert("dash_programme", List.of("id"), PROGRAMME_COLUMNS);
        upsertItem = store.upsert("dash_programme_item", List.of("programme_id", "item_id"), ITEM_COLUMNS);
    }

    @Override
    public List<String> tables() {
        return List.of("dash_programme_item_party", "dash_programme_item", "dash_programme_party", "dash_programme");
    }

    Optional<ProgrammeRow> programme(String id) {
        return store.row("programme:" + id, () -> store.first("SELECT " + String.join(", ", PROGRAMME_COLUMNS)
                        + " FROM dash_programme WHERE id = ?",
                (rs, i) -> new ProgrammeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        Codes.split(rs.getString(4)), lines(rs.getString(5)), date(rs, 6), rs.getString(7),
                        rs.getLong(8), rs.getLong(9), time(rs, 10)), id));
    }

    void save(ProgrammeRow r) {
        store.save("programme:" + r.id(), r, new Write(upsertProgramme, new Object[]{r.id(), r.name(), r.period(),
                Codes.join(r.participants()), String.join("\n", r.categories()), r.declaredOn(), r.note(),
                r.lastSequence(), r.lastPosition(), r.updatedAt()}));
    }

    void saveParties(ProgrammeRow row) {
        store.replaceLinks("DELETE FROM dash_programme_party WHERE programme_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_programme_party (programme_id, party_code) VALUES (?, ?)",
                row.participants().stream().distinct().map(p -> new Object[]{row.id(), p}).toList());
    }

    Optional<ProgrammeItemRow> item(String programmeId, String itemId) {
        return store.row("programme-item:" + programmeId + "/" + itemId, () -> store.first("SELECT "
                        + String.join(", ", ITEM_COLUMNS)
                        + " FROM dash_programme_item WHERE programme_id = ? AND item_id = ?",
                // the columns hold what the item's counts and lists need; notes, evidence and reasons stay in the events
                (rs, i) -> new ProgrammeItemRow(rs.getString(1), new ServiceItem(rs.getString(2), rs.getString(3),
                        rs.getString(4), Codes.split(rs.getString(8)), date(rs, 9), rs.getBoolean(6), rs.getInt(7),
                        date(rs, 10), null, ServiceItemStatus.valueOf(rs.getString(5)), date(rs, 11), null,
                        date(rs, 12), null, null, null, rs.getBoolean(24)), rs.getLong(13), rs.getLong(14),
                        time(rs, 15)),
                programmeId, itemId));
    }

    void save(ProgrammeItemRow r) {
        ItemCounts counts = r.counts();
        store.save("programme-item:" + r.programmeId() + "/" + r.itemId(), r, new Write(upsertItem, new Object[]{
                r.programmeId(), r.itemId(), r.name(), r.category(), r.status().name(), r.addedLater(),
                r.itemCount(), Codes.join(r.responsibleParties()), r.targetOn(), r.listedOn(), r.completedOn(),
                r.withdrawnOn(), r.lastSequence(), r.lastPosition(), r.updatedAt(), counts.planned(),
                counts.addedLater(), counts.completed(), counts.completedOriginal(), counts.completedAddedLater(),
                counts.withdrawn(), counts.open(), counts.ofListsOfUnknownSize(), r.item().listSizeUnknown()}));
    }

    void saveResponsible(ProgrammeItemRow row) {
        store.replaceLinks("DELETE FROM dash_programme_item_party WHERE programme_id = ? AND item_id = ?",
                new Object[]{row.programmeId(), row.itemId()},
                "INSERT INTO dash_programme_item_party (programme_id, item_id, party_code) VALUES (?, ?, ?)",
                row.responsibleParties().stream().distinct()
                        .map(p -> new Object[]{row.programmeId(), row.itemId(), p}).toList());
    }
}
