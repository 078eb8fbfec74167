package coop.ledger.dashboard;

import coop.ledger.agreement.ItemProgress;
import coop.ledger.programme.state.ProgrammeState.ItemCounts;
import coop.ledger.programme.ProgrammeItemSums;
import coop.ledger.agreement.AgreementReadModel;
import coop.ledger.agreement.AgreementSums;
import coop.ledger.project.ProjectReadModel;
import coop.ledger.project.ProjectSums;
import coop.ledger.shared.query.Filters;
import coop.ledger.party.PartyNames;
import coop.ledger.shared.query.Where;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Totals and completion rates grouped as dashboards chart them, summed in SQL over the projection tables. */
@Component
class StatsReadModel {

    /** How one grouping is read: an optional join, the key expression, how keys are labelled, and the order. */
    private record Grouping(String join, String key, Function<String, Label> label, boolean byParty,
                            boolean chronological) {
    }

    public static final List<String> PROJECT_GROUPS = List.of("host", "investor", "domain", "occasion", "status",
            "month", "year");
    public static final List<String> PROGRAMME_GROUPS = List.of("programme", "category", "responsible");
    public static final List<String> AGREEMENT_GROUPS = List.of("domain", "kind", "status", "occasion", "party",
            "month", "year");

    private final JdbcTemplate jdbc;
    private final PartyNames partyNames;

    public StatsReadModel(DataSource dataSource, PartyNames partyNames) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.partyNames = partyNames;
    }

    // ------------------------------------------------------------------ projects

    public ProjectStats projects(String groupBy, Filters filters) {
        Grouping g = switch (groupBy) {
            case "host" -> party("JOIN dash_project_party gp ON gp.project_id = p.id AND gp.party_role = 'HOST'");
            case "investor" -> party("JOIN dash_project_party gp ON gp.project_id = p.id AND gp.party_role = 'INVESTOR'");
            case "domain" -> new Grouping("", "p.domain_code", Groups.vocabulary(CooperationDomain.class), false, false);
            case "occasion" -> new Grouping("", "p.occasion", Groups::text, false, false);
            case "status" -> new Grouping("", "p.status", Groups.vocabulary(ProjectStatus.class), false, false);
            case "month" -> new Grouping("", "p.signed_month", Groups::month, false, true);
            case "year" -> new Grouping("", "p.signed_year", Groups::year, false, true);
            default -> throw new IllegalArgumentException(groupBy);
        };
        Where where = ProjectReadModel.where(filters);
        String measures = ProjectSums.SUMS;
        record Raw(String key, ProjectSums.Sums sums) {
        }
        SqlRow<Raw> row = rs -> new Raw(rs.getString(1), ProjectSums.read(rs, 2));
        List<Raw> raws = jdbc.query("SELECT " + g.key() + ", " + measures + " FROM dash_project p " + g.join()
                + where.sql() + " GROUP BY " + g.key(), (rs, i) -> row.map(rs), where.args().toArray());
        Raw total = jdbc.queryForObject("SELECT NULL, " + measures + " FROM dash_project p" + where.sql(),
                (rs, i) -> row.map(rs), where.args().toArray());
        Function<String, Label> label = labels(g, raws.stream().map(Raw::key).toList());
        List<ProjectGroup> groups = new ArrayList<>(raws.stream()
                .map(r -> projectGroup(r.key(), label.apply(r.key()), r.sums())).toList());
        groups.sort(g.chronological() ? Comparator.comparing(ProjectGroup::key, nullsLast())
                : Comparator.comparingLong(ProjectGroup::projects).reversed()
                .thenComparing(ProjectGroup::key, nullsLast()));
        return new ProjectStats(groupBy, groups, projectGroup(null, new Label(null, "合计", "total"), total.sums()));
    }

    private static ProjectGroup projectGroup(String key, Label label, ProjectSums.Sums s) {
        return new ProjectGroup(key, label, s.projects(), s.records(), sum(s.agreedInvestment()),
                s.recordsWithAgreedInvestment(), sum(s.actualInvestment()), s.intentionProjects(),
                sum(s.intentionAgreedInvestment()), sum(s.plannedInvestment()), s.recordsWithPlannedInvestment(),
                ProjectPart.of(s.live()), ProjectPart.of(s.cancelled()));
    }

    // ------------------------------------------------------------------ programmes

    public ProgrammeStats programmes(String groupBy, Filters filters) {
        Grouping g = switch (groupBy) {
            case "programme" -> new Grouping("", "i.programme_id", Groups::text, false, false);
            case "category" -> new Grouping("", "i.category", Groups::text, false, false);
            case "responsible" -> new Grouping("JOIN dash_programme_item_party gr ON gr.programme_id = i.programme_id "
                    + "AND gr.item_id = i.item_id", "gr.party_code", null, true, false);
            default -> throw new IllegalArgumentException(groupBy);
        };
        Where where = programmeItemWhere(filters);
        String measures = ProgrammeItemSums.SUMS + ", MAX(pg.name)";
        String from = " FROM dash_programme_item i JOIN dash_programme pg ON pg.id = i.programme_id ";
        record Raw(String key, ItemCounts counts, String programmeName) {
        }
        SqlRow<Raw> row = rs -> new Raw(rs.getString(1), ProgrammeItemSums.read(rs, 2),
                rs.getString(2 + ProgrammeItemSums.COLUMNS));
        List<Raw> raws = jdbc.query("SELECT " + g.key() + ", " + measures + from + g.join() + where.sql()
                + " GROUP BY " + g.key(), (rs, i) -> row.map(rs), where.args().toArray());
        Raw total = jdbc.queryForObject("SELECT NULL, " + measures + from + where.sql(), (rs, i) -> row.map(rs),
                where.args().toArray());
        Function<String, Label> label = labels(g, raws.stream().map(Raw::key).toList());
        List<ProgrammeGroup> groups = new ArrayList<>(raws.stream().map(r -> ProgrammeGroup.of(r.key(),
                groupBy.equals("programme") ? new Label(r.key(), r.programmeName(), r.programmeName())
                        : label.apply(r.key()), r.counts())).toList());
        groups.sort(Comparator.comparingLong(ProgrammeGroup::total).reversed()
                .thenComparing(ProgrammeGroup::key, nullsLast()));
        return new ProgrammeStats(groupBy, groups,
                ProgrammeGroup.of(null, new Label(null, "合计", "total"), total.counts()));
    }

    static Where programmeItemWhere(Filters f) {
        return new Where()
                .and("EXISTS (SELECT 1 FROM dash_programme_item_party fr WHERE fr.programme_id = i.programme_id "
                        + "AND fr.item_id = i.item_id AND fr.party_code = ?)", f.party())
                .and("i.programme_id = ?", f.programme())
                .and("i.category = ?", f.category())
                .andIn("i.status IN (%s)", f.statuses())
                .and("i.listed_on >= ?", f.from())
                .and("i.listed_on <= ?", f.to());
    }

    // ------------------------------------------------------------------ agreements

    public AgreementStats agreements(String groupBy, Filters filters) {
        Grouping g = switch (groupBy) {
            case "domain" -> new Grouping("JOIN dash_agreement_domain gd ON gd.agreement_id = a.id", "gd.domain_code",
                    Groups.vocabulary(CooperationDomain.class), false, false);
            case "party" -> party("JOIN dash_agreement_participant gp ON gp.agreement_id = a.id");
            case "kind" -> new Grouping("", "a.kind", Groups.vocabulary(AgreementKind.class), false, false);
            case "status" -> new Grouping("", "a.status", Groups.vocabulary(AgreementStatus.class), false, false);
            case "occasion" -> new Grouping("", "a.occasion", Groups::text, false, false);
            case "month" -> new Grouping("", "a.signed_month", Groups::month, false, true);
            case "year" -> new Grouping("", "a.signed_year", Groups::year, false, true);
            default -> throw new IllegalArgumentException(groupBy);
        };
        Where where = AgreementReadModel.where(filters);
        String measures = AgreementSums.SUMS;
        record Raw(String key, long agreements, long inForce, long ended, ItemProgress items, BigDecimal payments) {
        }
        SqlRow<Raw> row = rs -> {
            AgreementSums.Sums sums = AgreementSums.read(rs, 2);
            return new Raw(rs.getString(1), sums.agreements(), sums.inForce(), sums.ended(),
                    ItemProgress.of(sums.items()), sums.paymentsTotal());
        };
        List<Raw> raws = jdbc.query("SELECT " + g.key() + ", " + measures + " FROM dash_agreement a " + g.join()
                + where.sql() + " GROUP BY " + g.key(), (rs, i) -> row.map(rs), where.args().toArray());
        Raw total = jdbc.queryForObject("SELECT NULL, " + measures + " FROM dash_agreement a" + where.sql(),
                (rs, i) -> row.map(rs), where.args().toArray());
        Function<String, Label> label = labels(g, raws.stream().map(Raw::key).toList());
        List<AgreementGroup> groups = new ArrayList<>(raws.stream().map(r -> new AgreementGroup(r.key(),
                label.apply(r.key()), r.agreements(), r.inForce(), r.ended(), r.items(), sum(r.payments())))
                .toList());
        groups.sort(g.chronological() ? Comparator.comparing(AgreementGroup::key, nullsLast())
                : Comparator.comparingLong(AgreementGroup::agreements).reversed()
                .thenComparing(AgreementGroup::key, nullsLast()));
        return new AgreementStats(groupBy, groups, new AgreementGroup(null,
                new Label(null, "合计", "total"), total.agreements(), total.inForce(), total.ended(), total.items(),
                sum(total.payments())));
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface SqlRow<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Grouped by the party codes of the link table joined as {@code gp}. */
    private static Grouping party(String join) {
        return new Grouping(join, "gp.party_code", null, true, false);
    }

    private Function<String, Label> labels(Grouping g, List<String> keys) {
        if (!g.byParty()) {
            return g.label();
        }
        Map<String, PartyNames.Names> names = partyNames.of(keys);
        return key -> partyNames.label(names, key);
    }

    static Amount sum(BigDecimal yuan) {
        return Amount.of(new Money(yuan == null ? BigDecimal.ZERO : yuan));
    }

    private static Comparator<String> nullsLast() {
        return Comparator.nullsLast(Comparator.naturalOrder());
    }
}
