package coop.ledger.dashboard;

import coop.ledger.agreement.AgreementSums;
import coop.ledger.agreement.ItemProgress;
import coop.ledger.party.PartyItem;
import coop.ledger.programme.ServiceProgress;
import coop.ledger.shared.query.PartyRef;
import coop.ledger.programme.ProgrammeItemSums;
import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.party.PartyReadModel;
import coop.ledger.project.ProjectReadModel;
import coop.ledger.project.ProjectSums;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.shared.web.Amount;
import coop.ledger.shared.web.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one party takes part in, with totals, read from the projection tables. */
@Component
class PartyOverviewReadModel {

    /** How many records each list of the overview shows at most (newest first); the totals count all. */
    public static final int LISTED = 100;

    public record Overview(PartyItem party, List<PartyRef> departments, Agreements signed,
                           Agreements observes, Projects hosts, Projects investsIn, Responsibilities responsibleFor) {
    }

    /** {@code inForce} + {@code ended} (expired, terminated or superseded) = {@code agreements}. */
    public record Agreements(long agreements, long inForce, long ended, ItemProgress items, Amount paymentsTotal,
                             List<AgreementRef> latest) {
    }

    public record AgreementRef(String id, String title, Label status, LocalDate signedOn) {
    }

    /**
     * The party's projects as the headline counts them: {@code live} (every status but cancelled) and
     * {@code cancelled} apart; {@code projects}, {@code records}, {@code agreedInvestment} and
     * {@code actualInvestment} still count every record, cancelled ones included. {@code plannedInvestment}
     * (总投资) is a kind of its own, never part of {@code agreedInvestment} (协议投资).
     */
    public record Projects(long projects, long records, Amount agreedInvestment, Amount actualInvestment,
                           Amount plannedInvestment, ProjectPart live, ProjectPart cancelled,
                           List<ProjectRef> latest) {
    }

    public record ProjectRef(String id, String name, Label status, LocalDate signedOn, int projectCount,
                             Amount agreedInvestment, Amount plannedInvestment) {
    }

    /** Items the party is named responsible for: on cooperation lists, and in public-service programmes. */
    public record Responsibilities(ItemProgress cooperationItems, ServiceProgress programmeItems) {
    }

    private final JdbcTemplate jdbc;
    private final PartyReadModel parties;

    public PartyOverviewReadModel(DataSource dataSource, PartyReadModel parties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.parties = parties;
    }

    public Optional<Overview> overview(String code) {
        return parties.find(code).map(party -> new Overview(party, departments(code),
                agreements(code, "SIGNATORY"), agreements(code, "OBSERVER"), projects(code, "HOST"),
                projects(code, "INVESTOR"), responsibilities(code)));
    }

    private List<PartyRef> departments(String code) {
        return jdbc.query("SELECT code, name_zh FROM dash_party WHERE parent_code = ? ORDER BY code",
                (rs, i) -> new PartyRef(rs.getString(1), rs.getString(2)), code);
    }

    private Agreements agreements(String code, String role) {
        String from = " FROM dash_agreement a JOIN dash_agreement_participant pp ON pp.agreement_id = a.id "
                + "AND pp.party_code = ? AND pp.party_role = ?";
        List<AgreementRef> latest = jdbc.query("SELECT a.id, a.title, a.status, a.signed_on" + from
                        + " ORDER BY a.signed_on DESC, a.id LIMIT " + LISTED,
                (rs, i) -> new AgreementRef(rs.getString(1), rs.getString(2),
                        Label.of(AgreementStatus.valueOf(rs.getString(3))), rs.getObject(4, LocalDate.class)),
                code, role);
        return jdbc.queryForObject("SELECT " + AgreementSums.SUMS + from, (rs, i) -> {
            AgreementSums.Sums sums = AgreementSums.read(rs, 1);
            return new Agreements(sums.agreements(), sums.inForce(), sums.ended(), ItemProgress.of(sums.items()),
                    StatsReadModel.sum(sums.paymentsTotal()), latest);
        }, code, role);
    }

    private Projects projects(String code, String role) {
        String from = " FROM dash_project p JOIN dash_project_party pp ON pp.project_id = p.id "
                + "AND pp.party_code = ? AND pp.party_role = ?";
        List<ProjectRef> latest = jdbc.query("SELECT p.id, p.name, p.status, p.signed_on, p.project_count, "
                        + "p.agreed_investment, p.planned_investment" + from
                        + " ORDER BY p.signed_on DESC, p.id LIMIT " + LISTED,
                (rs, i) -> new ProjectRef(rs.getString(1), rs.getString(2),
                        Label.of(ProjectStatus.valueOf(rs.getString(3))), rs.getObject(4, LocalDate.class),
                        rs.getInt(5), ProjectReadModel.amount(rs.getBigDecimal(6)),
                        ProjectReadModel.amount(rs.getBigDecimal(7))), code, role);
        return jdbc.queryForObject("SELECT " + ProjectSums.SUMS + from, (rs, i) -> {
            ProjectSums.Sums s = ProjectSums.read(rs, 1);
            return new Projects(s.projects(), s.records(), StatsReadModel.sum(s.agreedInvestment()),
                    StatsReadModel.sum(s.actualInvestment()), StatsReadModel.sum(s.plannedInvestment()),
                    ProjectPart.of(s.live()), ProjectPart.of(s.cancelled()), latest);
        }, code, role);
    }

    private Responsibilities responsibilities(String code) {
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.query("SELECT i.status, SUM(i.item_count) FROM dash_agreement_item i JOIN dash_agreement_item_party r "
                        + "ON r.agreement_id = i.agreement_id AND r.item_id = i.item_id WHERE r.party_code = ? "
                        + "GROUP BY i.status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }, code);
        ItemProgress cooperation = ItemProgress.of(new CooperationItemCounts(byStatus.getOrDefault("LISTED", 0L),
                byStatus.getOrDefault("STARTED", 0L), byStatus.getOrDefault("COMPLETED", 0L),
                byStatus.getOrDefault("DROPPED", 0L)));
        ServiceProgress programme = jdbc.queryForObject("SELECT " + ProgrammeItemSums.SUMS
                        + " FROM dash_programme_item i JOIN dash_programme_item_party r "
                        + "ON r.programme_id = i.programme_id AND r.item_id = i.item_id WHERE r.party_code = ?",
                (rs, i) -> ServiceProgress.of(ProgrammeItemSums.read(rs, 1)), code);
        return new Responsibilities(cooperation, programme);
    }
}
