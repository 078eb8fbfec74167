package coop.ledger.project;

import coop.ledger.shared.query.Filters;
import coop.ledger.shared.query.Page;
import coop.ledger.shared.query.PageRequest;
import coop.ledger.party.PartyNames;
import coop.ledger.shared.query.Where;
import coop.ledger.shared.query.Codes;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists signed projects from {@code dash_project}. */
@Component
public class ProjectReadModel {

    public static final Map<String, String> SORTS = Map.of("signedOn", "p.signed_on", "name", "p.name",
            "id", "p.id", "status", "p.status", "agreedInvestment", "p.agreed_investment",
            "plannedInvestment", "p.planned_investment",
            "actualInvestment", "p.actual_investment", "projectCount", "p.project_count",
            "updated", "p.last_position");

    private final JdbcTemplate jdbc;
    private final PartyNames partyNames;

    public ProjectReadModel(DataSource dataSource, PartyNames partyNames) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.partyNames = partyNames;
    }

    /** The WHERE clause of the project filters over {@code dash_project p}; {@code role} narrows {@code party}. */
    public static Where where(Filters f) {
        Where where = new Where();
        if (f.party() != null) {
            if (!f.roles().isEmpty()) {
                Object[] args = new Object[f.roles().size() + 1];
                args[0] = f.party();
                for (int i = 0; i < f.roles().size(); i++) {
                    args[i + 1] = f.roles().get(i);
                }
                where.andAlways(("EXISTS (SELECT 1 FROM dash_project_party fp WHERE fp.project_id = p.id "
                        + "AND fp.party_code = ? AND fp.party_role IN (%s))").formatted(
                        Where.placeholders(f.roles().size())), args);
            } else {
                where.and("EXISTS (SELECT 1 FROM dash_project_party fp WHERE fp.project_id = p.id "
                        + "AND fp.party_code = ?)", f.party());
            }
        }
        return where
                .andIn("p.domain_code IN (%s)", f.domains())
                .andIn("p.status IN (%s)", f.statuses())
                .and("p.occasion = ?", f.occasion())
                .and("p.signed_on >= ?", f.from())
                .and("p.signed_on <= ?", f.to());
    }

    public Page<ProjectItem> list(Filters filters, PageRequest page) {
        Where where = where(filters);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM dash_project p" + where.sql(), Long.class,
                where.args().toArray());
        record Raw(String id, String name, String status, boolean intention, List<String> hosts,
                   List<String> investors, String occasion, String agreementId, String domain, BigDecimal agreed,
                   BigDecimal actual, int count, LocalDate signedOn, LocalDate firmedUpOn, LocalDate startedOn,
                   LocalDate completedOn, LocalDate cancelledOn, String note, long lastSequence,
                   BigDecimal planned) {
        }
        List<Raw> rows = jdbc.query("SELECT p.id, p.name, p.status, p.intention, p.host_parties, p.investors, "
                        + "p.occasion, p.agreement_id, p.domain_code, p.agreed_investment, p.actual_investment, "
                        + "p.project_count, p.signed_on, p.firmed_up_on, p.started_on, p.completed_on, "
                        + "p.cancelled_on, p.note, p.last_sequence, p.planned_investment FROM dash_project p" + where.sql()
                        + " ORDER BY " + page.orderBy() + ", p.id LIMIT ? OFFSET ?",
                (rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Codes.split(rs.getString(5)), Codes.split(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getInt(12),
                        rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                        rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class),
                        rs.getObject(17, LocalDate.class), rs.getString(18), rs.getLong(19),
                        rs.getBigDecimal(20)),
                where.argsWith(page.size(), page.offset()));
        List<String> codes = new ArrayList<>();
        rows.forEach(r -> {
            codes.addAll(r.hosts());
            codes.addAll(r.investors());
        });
        Map<String, PartyNames.Names> names = partyNames.of(codes);
        List<ProjectItem> items = rows.stream().map(r -> new ProjectItem(r.id(), r.name(),
                Label.of(ProjectStatus.valueOf(r.status())), r.intention(), partyNames.refs(names, r.hosts()),
                partyNames.refs(names, r.investors()), r.occasion(), r.agreementId(),
                r.domain() == null ? null : Label.of(CooperationDomain.valueOf(r.domain())), amount(r.agreed()),
                amount(r.planned()), amount(r.actual()), r.count(), r.signedOn(), r.firmedUpOn(), r.startedOn(), r.completedOn(),
                r.cancelledOn(), r.note(), r.lastSequence() + 1)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public static Amount amount(BigDecimal yuan) {
        return yuan == null ? null : Amount.of(new Money(yuan));
    }
}
