package coop.ledger.party;

import coop.ledger.shared.PartyKind;
import coop.ledger.processing.ReadModelStore;
import coop.ledger.processing.ReadModelStore.Write;
import coop.ledger.processing.ReadModelTables;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static coop.ledger.processing.Columns.date;
import static coop.ledger.processing.Columns.time;

/** The party slice's projection table, {@code dash_party}. */
@Component
class PartyRows implements ReadModelTables {

    private static final List<String> COLUMNS = List.of("code", "name_zh", "name_en", "kind", "parent_code",
            "established_on", "renames", "last_sequence", "last_position", "updated_at");

    private final ReadModelStore store;
    private final String upsert;

    PartyRows(ReadModelStore store) {
        this.store = store;
        this.upsert = store.upsert("dash_party", List.of("code"), COLUMNS);
    }

    @Override
    public List<String> tables() {
        return List.of("dash_party");
    }

    Optional<PartyRow> party(String code) {
        return store.row("party:" + code, () -> store.first("SELECT " + String.join(", ", COLUMNS)
                        + " FROM dash_party WHERE code = ?",
                (rs, i) -> new PartyRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        PartyKind.valueOf(rs.getString(4)), rs.getString(5), date(rs, 6), rs.getInt(7), rs.getLong(8),
                        rs.getLong(9), time(rs, 10)), code));
    }

    void save(PartyRow r) {
        store.save("party:" + r.code(), r, new Write(upsert, new Object[]{r.code(), r.nameZh(), r.nameEn(),
                r.kind().name(), r.parentCode(), r.establishedOn(), r.renames(), r.lastSequence(), r.lastPosition(),
                r.updatedAt()}));
    }
}
