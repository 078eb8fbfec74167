package coop.ledger.party;

import coop.ledger.shared.query.PartyRef;
import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.shared.query.Where;
import coop.ledger.shared.PartyKind;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Lists parties from {@code dash_party}. */
@Component
public class PartyReadModel {

    public static final Map<String, String> SORTS = Map.of("code", "d.code", "name", "d.name_zh", "kind", "d.kind",
            "establishedOn", "d.established_on", "updated", "d.last_position");

    private final JdbcTemplate jdbc;
    private final PartyNames partyNames;

    public PartyReadModel(DataSource dataSource, PartyNames partyNames) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.partyNames = partyNames;
    }

    /** {@code party} names the parent: the departments of a government. */
    public Page<PartyItem> list(Filters f, PageRequest page) {
        Where where = new Where().andIn("d.kind IN (%s)", f.kinds()).and("d.parent_code = ?", f.party());
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM dash_party d" + where.sql(), Long.class,
                where.args().toArray());
        List<PartyItem> rows = jdbc.query("SELECT d.code, d.name_zh, d.name_en, d.kind, d.parent_code, "
                        + "d.established_on, d.renames, d.last_sequence FROM dash_party d" + where.sql()
                        + " ORDER BY " + page.orderBy() + ", d.code LIMIT ? OFFSET ?",
                (rs, i) -> new PartyItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        Label.of(PartyKind.valueOf(rs.getString(4))),
                        rs.getString(5) == null ? null : new PartyRef(rs.getString(5), null),
                        rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getLong(8) + 1),
                where.argsWith(page.size(), page.offset()));
        Map<String, PartyNames.Names> names = partyNames.of(rows.stream()
                .filter(r -> r.parent() != null).map(r -> r.parent().code()).toList());
        List<PartyItem> items = rows.stream().map(r -> r.parent() == null ? r
                : new PartyItem(r.code(), r.nameZh(), r.nameEn(), r.kind(),
                partyNames.ref(names, r.parent().code()), r.establishedOn(), r.renames(), r.version())).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public java.util.Optional<PartyItem> find(String code) {
        return jdbc.query("SELECT d.code, d.name_zh, d.name_en, d.kind, d.parent_code, d.established_on, "
                        + "d.renames, d.last_sequence FROM dash_party d WHERE d.code = ?",
                (rs, i) -> new PartyItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        Label.of(PartyKind.valueOf(rs.getString(4))),
                        rs.getString(5) == null ? null
                                : partyNames.ref(partyNames.of(List.of(rs.getString(5))), rs.getString(5)),
                        rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getLong(8) + 1), code)
                .stream().findFirst();
    }
}
