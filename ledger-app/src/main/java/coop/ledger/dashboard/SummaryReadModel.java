package coop.ledger.dashboard;

import coop.ledger.agreement.AgreementSums;
import coop.ledger.agreement.ItemProgress;
import coop.ledger.programme.ServiceProgress;
import coop.ledger.project.ProjectSums;
import coop.ledger.programme.ProgrammeItemSums;
import coop.ledger.shared.query.Where;
import coop.ledger.processing.ProjectionRebuild;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Headline figures of the whole ledger, read from the projection tables. */
@Component
class SummaryReadModel {

    public record Summary(LocalDate from, LocalDate to, long parties, AgreementFigures agreements,
                          ItemProgress cooperationItems, ProjectFigures projects,
                          ServiceProgress programmeItems, Amount paymentsTotal, Long lastEventPosition,
                          OffsetDateTime lastUpdatedAt, String period, List<PeriodFigures> periods,
                          boolean rebuilding) {
    }

    /** {@code inForce} + {@code ended} (expired, terminated or superseded) = {@code total}. */
    public record AgreementFigures(long total, long inForce, long ended) {
    }

    /**
     * Every project record (intentions and cancelled ones included) and, apart, the {@code live} ones (every status
     * but cancelled: the headline the dashboard shows) and the {@code cancelled} ones; live + cancelled = all.
     * {@code plannedInvestment} (总投资) is the total planned investment of the records that report that kind of
     * amount: never part of {@code agreedInvestment} (协议投资).
     */
    public record ProjectFigures(long projects, long records, Amount agreedInvestment, Amount actualInvestment,
                                 Amount plannedInvestment, ProjectPart live, ProjectPart cancelled) {
    }

    /**
     * What happened in one year or month: signings, and completions by their completion date. The agreements and
     * projects signed in the period are split as the headline splits them: {@code agreementsInForce} +
     * {@code agreementsEnded} = {@code agreementsSigned}; {@code liveProjects} + {@code cancelledProjects} = every
     * project signed, whose all-records figures {@code projectsSigned} and {@code agreedInvestment} keep their
     * meaning for clients that read them.
     */
    public record PeriodFigures(String period, Label label, long agreementsSigned, long agreementsInForce,
                                long agreementsEnded, long projectsSigned, Amount agreedInvestment,
                                ProjectPart liveProjects, ProjectPart cancelledProjects,
                                long cooperationItemsCompleted, long programmeItemsCompleted) {
    }

    /** Tables whose rows carry the position and time of the last event applied. */
    private static final List<String> POSITIONED = List.of("dash_party", "dash_agreement", "dash_agreement_item",
            "dash_project", "dash_programme", "dash_programme_item");

    private final JdbcTemplate jdbc;
    private final ProjectionRebuild rebuild;

    public SummaryReadModel(DataSource dataSource, ProjectionRebuild rebuild) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.rebuild = rebuild;
    }

    /**
     * {@code from}/{@code to} bound agreements and projects by their signing date (payments count with their
     * agreement) and programme items by their listing date; parties are always all of them.
     */
    public Summary summary(LocalDate from, LocalDate to, String period) {
        Where agreements = new Where().and("a.signed_on >= ?", from).and("a.signed_on <= ?", to);
        Where projects = new Where().and("p.signed_on >= ?", from).and("p.signed_on <= ?", to);
        Where items = new Where().and("i.listed_on >= ?", from).and("i.listed_on <= ?", to);
        long parties = jdbc.queryForObject("SELECT COUNT(*) FROM dash_party", Long.class);
        AgreementSums.Sums a = jdbc.queryForObject("SELECT " + AgreementSums.SUMS + " FROM dash_agreement a"
                + agreements.sql(), (rs, i) -> AgreementSums.read(rs, 1), agreements.args().toArray());
        ProjectSums.Sums ps = jdbc.queryForObject("SELECT " + ProjectSums.SUMS + " FROM dash_project p"
                + projects.sql(), (rs, i) -> ProjectSums.read(rs, 1), projects.args().toArray());
        ProjectFigures p = new ProjectFigures(ps.projects(), ps.records(), StatsReadModel.sum(ps.agreedInvestment()),
                StatsReadModel.sum(ps.actualInvestment()), StatsReadModel.sum(ps.plannedInvestment()),
                ProjectPart.of(ps.live()), ProjectPart.of(ps.cancelled()));
        ServiceProgress s = jdbc.queryForObject("SELECT " + ProgrammeItemSums.SUMS
                        + " FROM dash_programme_item i" + items.sql(),
                (rs, i) -> ServiceProgress.of(ProgrammeItemSums.read(rs, 1)), items.args().toArray());
        Long lastPosition = null;
        OffsetDateTime lastUpdate = null;
        for (String table : POSITIONED) {
            record Last(Long position, OffsetDateTime updatedAt) {
            }
            Last last = jdbc.queryForObject("SELECT MAX(last_position), MAX(updated_at) FROM " + table,
                    (rs, i) -> new Last(rs.getObject(1) == null ? null : rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class)));
            if (last.position() != null && (lastPosition == null || last.position() > lastPosition)) {
                lastPosition = last.position();
            }
            if (last.updatedAt() != null && (lastUpdate == null || last.updatedAt().isAfter(lastUpdate))) {
                lastUpdate = last.updatedAt();
            }
        }
        List<PeriodFigures> periods = period == null ? null : periods(period, from, to);
        return new Summary(from, to, parties, new AgreementFigures(a.agreements(), a.inForce(), a.ended()),
                ItemProgress.of(a.items()), p, s, StatsReadModel.sum(a.paymentsTotal()),
                lastPosition, lastUpdate, period, periods, rebuild.running());
    }

    private List<PeriodFigures> periods(String period, LocalDate from, LocalDate to) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, AgreementSums.Sums> agreements = new TreeMap<>();
        Map<String, ProjectSums.Sums> projects = new TreeMap<>();
        count(counts, "dash_agreement_item", "completed_on", "SUM(item_count)", 0, period, from, to,
                " AND status = 'COMPLETED'");
        count(counts, "dash_programme_item", "completed_on", "SUM(item_count)", 1, period, from, to,
                " AND status = 'COMPLETED'");
        Where signedAgreements = new Where().and("a.signed_on >= ?", from).and("a.signed_on <= ?", to);
        String agreementBucket = bucket(period, "a.signed_on");
        jdbc.query("SELECT " + agreementBucket + ", " + AgreementSums.SUMS + " FROM dash_agreement a"
                + signedAgreements.sql() + " GROUP BY " + agreementBucket, rs -> {
            String key = key(period, rs.getLong(1));
            counts.computeIfAbsent(key, k -> new long[2]);
            agreements.put(key, AgreementSums.read(rs, 2));
        }, signedAgreements.args().toArray());
        Where signedProjects = new Where().and("p.signed_on >= ?", from).and("p.signed_on <= ?", to);
        String projectBucket = bucket(period, "p.signed_on");
        jdbc.query("SELECT " + projectBucket + ", " + ProjectSums.SUMS + " FROM dash_project p"
                + signedProjects.sql() + " GROUP BY " + projectBucket, rs -> {
            String key = key(period, rs.getLong(1));
            counts.computeIfAbsent(key, k -> new long[2]);
            projects.put(key, ProjectSums.read(rs, 2));
        }, signedProjects.args().toArray());
        return counts.entrySet().stream().map(e -> {
            AgreementSums.Sums a = agreements.get(e.getKey());
            ProjectSums.Sums p = projects.get(e.getKey());
            ProjectSums.Part none = new ProjectSums.Part(0, 0, null, null, 0, null, null);
            return new PeriodFigures(e.getKey(),
                    period.equals("year") ? Groups.year(e.getKey()) : Groups.month(e.getKey()),
                    a == null ? 0 : a.agreements(), a == null ? 0 : a.inForce(), a == null ? 0 : a.ended(),
                    p == null ? 0 : p.projects(), StatsReadModel.sum(p == null ? null : p.agreedInvestment()),
                    ProjectPart.of(p == null ? none : p.live()), ProjectPart.of(p == null ? none : p.cancelled()),
                    e.getValue()[0], e.getValue()[1]);
        }).toList();
    }

    private void count(Map<String, long[]> counts, String table, String dateColumn, String measure, int slot,
                       String period, LocalDate from, LocalDate to, String condition) {
        Where where = new Where().andAlways(dateColumn + " IS NOT NULL" + condition)
                .and(dateColumn + " >= ?", from).and(dateColumn + " <= ?", to);
        String bucket = bucket(period, dateColumn);
        jdbc.query("SELECT " + bucket + ", " + measure + " FROM " + table + where.sql() + " GROUP BY " + bucket,
                rs -> {
                    counts.computeIfAbsent(key(period, rs.getLong(1)), k -> new long[2])[slot] = rs.getLong(2);
                }, where.args().toArray());
    }

    /** The year, or year × 100 + month, of a date column: EXTRACT is the same on H2 and PostgreSQL. */
    private static String bucket(String period, String column) {
        return period.equals("year") ? "EXTRACT(YEAR FROM " + column + ")"
                : "(EXTRACT(YEAR FROM " + column + ") * 100 + EXTRACT(MONTH FROM " + column + "))";
    }

    private static String key(String period, long bucket) {
        return period.equals("year") ? Long.toString(bucket)
                : String.format("%04d-%02d", bucket / 100, bucket % 100);
    }
}
