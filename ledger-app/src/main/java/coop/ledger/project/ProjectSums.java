package coop.ledger.project;

import coop.ledger.project.api.ProjectStatus;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Sums over signed projects ({@code dash_project p}) for the cross-concept views: all of them, and the live and the
 * cancelled ones apart. The rows hold what the core decided (the status of the core's fold, the project count, the
 * agreed and the corrected actual investment, whether the record is still an intention), so a query only adds them
 * up; this is the one place that says how, and {@link #LIVE} is the one SQL form of {@link ProjectStatus#live()}.
 */
public final class ProjectSums {

    /** The rows of live projects, as {@link ProjectStatus#live()} says. */
    public static final String LIVE = "p.status IN (" + Arrays.stream(ProjectStatus.values())
            .filter(ProjectStatus::live).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    /** The rows of cancelled projects: every one that is not {@link #LIVE}. */
    public static final String CANCELLED = "NOT " + LIVE;

    /**
     * Twenty-three columns, read back by {@link #read}: all projects, then the live ones, then the cancelled ones.
     * Agreed investment (协议投资) and total planned investment (总投资) are summed apart and never added together.
     */
    public static final String SUMS = "SUM(p.project_count), COUNT(*), SUM(p.agreed_investment), "
            + "COUNT(p.agreed_investment), SUM(p.actual_investment), "
            + "SUM(CASE WHEN p.intention THEN p.project_count ELSE 0 END), "
            + "SUM(CASE WHEN p.intention THEN p.agreed_investment END), "
            + "SUM(p.planned_investment), COUNT(p.planned_investment), " + part(LIVE) + ", " + part(CANCELLED);

    /**
     * Projects (weighted by project count), records, agreed and actual investment, the part still intentions, and
     * the total planned investment of the records that report that kind.
     */
    public record Part(long projects, long records, BigDecimal agreedInvestment, BigDecimal actualInvestment,
                       long intentionProjects, BigDecimal intentionAgreedInvestment, BigDecimal plannedInvestment) {
    }

    /** What {@link #SUMS} adds up; amounts are null when nothing was summed. */
    public record Sums(long projects, long records, BigDecimal agreedInvestment, long recordsWithAgreedInvestment,
                       BigDecimal actualInvestment, long intentionProjects, BigDecimal intentionAgreedInvestment,
                       BigDecimal plannedInvestment, long recordsWithPlannedInvestment, Part live, Part cancelled) {
    }

    private ProjectSums() {
    }

    private static String part(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN p.project_count ELSE 0 END), "
                + "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN " + condition + " THEN p.agreed_investment END), "
                + "SUM(CASE WHEN " + condition + " THEN p.actual_investment END), "
                + "SUM(CASE WHEN " + condition + " AND p.intention THEN p.project_count ELSE 0 END), "
                + "SUM(CASE WHEN " + condition + " AND p.intention THEN p.agreed_investment END), "
                + "SUM(CASE WHEN " + condition + " THEN p.planned_investment END)";
    }

    /** The sums {@link #SUMS} selected, from column {@code first} on. */
    public static Sums read(ResultSet rs, int first) throws SQLException {
        return new Sums(rs.getLong(first), rs.getLong(first + 1), rs.getBigDecimal(first + 2),
                rs.getLong(first + 3), rs.getBigDecimal(first + 4), rs.getLong(first + 5),
                rs.getBigDecimal(first + 6), rs.getBigDecimal(first + 7), rs.getLong(first + 8),
                part(rs, first + 9), part(rs, first + 16));
    }

    private static Part part(ResultSet rs, int first) throws SQLException {
        return new Part(rs.getLong(first), rs.getLong(first + 1), rs.getBigDecimal(first + 2),
                rs.getBigDecimal(first + 3), rs.getLong(first + 4), rs.getBigDecimal(first + 5),
                rs.getBigDecimal(first + 6));
    }
}
