package coop.ledger.project;

import coop.ledger.processing.ReadModelStore;
import coop.ledger.processing.ReadModelStore.Write;
import coop.ledger.processing.ReadModelTables;
import coop.ledger.project.api.ProjectStatus;
import coop.ledger.project.state.ProjectState;
import coop.ledger.project.state.ProjectState.InvestmentReport;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.query.Codes;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static coop.ledger.processing.Columns.date;
import static coop.ledger.processing.Columns.money;
import static coop.ledger.processing.Columns.month;
import static coop.ledger.processing.Columns.time;
import static coop.ledger.processing.Columns.yuan;

/** The project slice's projection tables: projects, their parties and investment reports. */
@Component
class ProjectRows implements ReadModelTables {

    private static final List<String> PROJECT_COLUMNS = List.of("id", "name", "status", "intention", "host_parties",
            "investors", "occasion", "agreement_id", "domain_code", "agreed_investment", "actual_investment",
            "investment_reports", "project_count", "signed_on", "signed_year", "signed_month", "firmed_up_on",
            "started_on", "completed_on", "cancelled_on", "note", "last_sequence", "last_position", "updated_at",
            "planned_investment");
    private static final List<String> INVESTMENT_COLUMNS = List.of("project_id", "report_id", "amount",
            "reported_on", "last_sequence", "last_position", "updated_at");

    private final ReadModelStore store;
    private final String upsertProject;
    private final String upsertInvestment;

    ProjectRows(ReadModelStore store) {
        this.store = store;
        upsertProject = store.upsert("dash_project", List.of("id"), PROJECT_COLUMNS);
        upsertInvestment = store.upsert("dash_project_investment", List.of("project_id", "report_id"),
                INVESTMENT_COLUMNS);
    }

    @Override
    public List<String> tables() {
        return List.of("dash_project_party", "dash_project_investment", "dash_project");
    }

    Optional<InvestmentReportRow> investmentReport(String projectId, String reportId) {
        return store.row("investment:" + projectId + "/" + reportId, () -> store.first("SELECT "
                        + String.join(", ", INVESTMENT_COLUMNS)
                        + " FROM dash_project_investment WHERE project_id = ? AND report_id = ?",
                (rs, i) -> new InvestmentReportRow(rs.getString(1), new InvestmentReport(rs.getString(2),
                        money(rs, 3), date(rs, 4), null), rs.getLong(5), rs.getLong(6), time(rs, 7)),
                projectId, reportId));
    }

    void save(InvestmentReportRow r) {
        store.save("investment:" + r.projectId() + "/" + r.reportId(), r, new Write(upsertInvestment, new Object[]{
                r.projectId(), r.reportId(), r.amount().yuan(), r.reportedOn(), r.lastSequence(), r.lastPosition(),
                r.updatedAt()}));
    }

    Optional<ProjectRow> project(String id) {
        return store.row("project:" + id, () -> store.first("SELECT " + String.join(", ", PROJECT_COLUMNS)
                        + " FROM dash_project WHERE id = ?",
                (rs, i) -> new ProjectRow(project(rs), money(rs, 11), rs.getInt(12), rs.getLong(22), rs.getLong(23),
                        time(rs, 24)), id));
    }

    /**
     * The project's state as its columns hold it: everything the row shows (a cancellation's reason, the
     * provenance and the reports themselves stay in the events and in {@code dash_project_investment}). Only an intention is firmed
     * up, so one signed as an intention is one that still is or was firmed up.
     */
    private static ProjectState project(ResultSet rs) throws SQLException {
        LocalDate firmedUpOn = date(rs, 17);
        return new ProjectState(rs.getString(1), rs.getString(2), Codes.split(rs.getString(6)),
                Codes.split(rs.getString(5)), rs.getString(7), rs.getString(8),
                rs.getString(9) == null ? null : CooperationDomain.valueOf(rs.getString(9)), money(rs, 10),
                date(rs, 14), rs.getBoolean(4) || firmedUpOn != null, rs.getInt(13), rs.getString(21),
                ProjectStatus.valueOf(rs.getString(3)), firmedUpOn, date(rs, 18), date(rs, 19), date(rs, 20), null,
                List.of(), rs.getLong(22) + 1, money(rs, 25), null);
    }

    void save(ProjectRow r) {
        store.save("project:" + r.id(), r, new Write(upsertProject, new Object[]{r.id(), r.name(), r.status().name(),
                r.intention(), Codes.join(r.hostParties()), Codes.join(r.investors()), r.occasion(), r.agreementId(),
                r.domain() == null ? null : r.domain().name(), yuan(r.agreedInvestment()),
                yuan(r.actualInvestment()), r.investmentReports(), r.projectCount(), r.signedOn(),
                r.signedOn().getYear(), month(r.signedOn()), r.firmedUpOn(), r.startedOn(), r.completedOn(),
                r.cancelledOn(), r.note(), r.lastSequence(), r.lastPosition(), r.updatedAt(),
                yuan(r.project().plannedInvestment())}));
    }

    /** Replaces the project's links to its host parties (HOST) and investors (INVESTOR). */
    void saveParties(ProjectRow row) {
        List<Object[]> links = new ArrayList<>();
        row.hostParties().stream().distinct().forEach(p -> links.add(new Object[]{row.id(), p, "HOST"}));
        row.investors().stream().distinct().forEach(p -> links.add(new Object[]{row.id(), p, "INVESTOR"}));
        store.replaceLinks("DELETE FROM dash_project_party WHERE project_id = ?", new Object[]{row.id()},
                "INSERT INTO dash_project_party (project_id, party_code, party_role) VALUES (?, ?, ?)", links);
    }
}
