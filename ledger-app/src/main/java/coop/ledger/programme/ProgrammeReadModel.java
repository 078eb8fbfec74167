package coop.ledger.programme;

import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.party.PartyNames;
import coop.ledger.shared.query.Where;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.shared.query.Codes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists public-service programmes from {@code dash_programme}, with item figures summed from their items. */
@Component
class ProgrammeReadModel {

    public static final Map<String, String> SORTS = Map.of("declaredOn", "g.declared_on", "name", "g.name",
            "id", "g.id", "planned", "planned", "completed", "completed", "updated", "g.last_position");

    /** Item figures per programme, each item weighted by its item_count. */
    static final String ITEM_SUMS = "SELECT programme_id, SUM(planned_items) AS planned, "
            + "SUM(added_later_items) AS added_later, SUM(completed_items) AS completed, "
            + "SUM(completed_original_items) AS completed_original, "
            + "SUM(completed_added_later_items) AS completed_added_later, SUM(withdrawn_items) AS withdrawn, "
            + "SUM(open_items) AS open_items, SUM(unknown_list_items) AS unknown_list_items "
            + "FROM dash_programme_item GROUP BY programme_id";

    private final JdbcTemplate jdbc;
    private final PartyNames partyNames;

    public ProgrammeReadModel(DataSource dataSource, PartyNames partyNames) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.partyNames = partyNames;
    }

    static Where where(Filters f) {
        return new Where()
                .and("(EXISTS (SELECT 1 FROM dash_programme_party fp WHERE fp.programme_id = g.id AND fp.party_code = ?)"
                        + " OR EXISTS (SELECT 1 FROM dash_programme_item_party fr WHERE fr.programme_id = g.id "
                        + "AND fr.party_code = ?))", f.party())
                .and("g.declared_on >= ?", f.from())
                .and("g.declared_on <= ?", f.to());
    }

    public Page<ProgrammeItem> list(Filters filters, PageRequest page) {
        Where where = where(filters);
        Object[] countArgs = duplicateParty(where.args(), filters).toArray();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM dash_programme g" + where.sql(), Long.class,
                countArgs);
        List<Object> args = duplicateParty(where.args(), filters);
        args.add(page.size());
        args.add(page.offset());
        record Raw(String id, String name, String period, List<String> participants, String categories,
                   LocalDate declaredOn, String note, long lastSequence, ItemCounts counts) {
        }
        List<Raw> rows = jdbc.query("SELECT g.id, g.name, g.period_text, g.participants, g.categories, g.declared_on, "
                        + "g.note, g.last_sequence, COALESCE(s.planned, 0) AS planned, "
                        + "COALESCE(s.added_later, 0), COALESCE(s.completed, 0) AS completed, "
                        + "COALESCE(s.completed_original, 0), COALESCE(s.completed_added_later, 0), "
                        + "COALESCE(s.withdrawn, 0), COALESCE(s.open_items, 0), COALESCE(s.unknown_list_items, 0) "
                        + "FROM dash_programme g LEFT JOIN ("
                        + ITEM_SUMS + ") s ON s.programme_id = g.id" + where.sql() + " ORDER BY " + page.orderBy()
                        + ", g.id LIMIT ? OFFSET ?",
                (rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3), Codes.split(rs.getString(4)),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8),
                        ProgrammeItemSums.read(rs, 9)),
                args.toArray());
        List<String> codes = new ArrayList<>();
        rows.forEach(r -> codes.addAll(r.participants()));
        Map<String, PartyNames.Names> names = partyNames.of(codes);
        List<ProgrammeItem> items = rows.stream().map(r -> new ProgrammeItem(r.id(), r.name(),
                r.period(), partyNames.refs(names, r.participants()),
                r.categories() == null || r.categories().isEmpty() ? List.of() : List.of(r.categories().split("\n")),
                r.declaredOn(), r.note(), ServiceProgress.of(r.counts()), r.lastSequence() + 1)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The party filter names the party twice (participant or responsible). */
    private static List<Object> duplicateParty(List<Object> args, Filters filters) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            all.add(args.get(i));
            if (i == 0 && filters.party() != null) {
                all.add(args.get(i));
            }
        }
        return all;
    }
}
