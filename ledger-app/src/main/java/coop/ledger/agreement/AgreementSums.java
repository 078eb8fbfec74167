package coop.ledger.agreement;

import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.state.CooperationItemCounts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Sums over agreements ({@code dash_agreement a}) for the cross-concept views: how many, how many in force, their
 * cooperation lists and their payments. The rows hold what the core counted (item counts by
 * {@link CooperationItemCounts}, payment totals as corrected, the status of the core's fold), so a query only adds
 * them up; this is the one place that says how.
 */
public final class AgreementSums {

    /** Seven columns, read back by {@link #read}. */
    public static final String SUMS = "COUNT(*), SUM(CASE WHEN a.status = '" + AgreementStatus.IN_FORCE.name()
            + "' THEN 1 ELSE 0 END), SUM(a.items_listed), SUM(a.items_started), SUM(a.items_completed), "
            + "SUM(a.items_dropped), SUM(a.payments_total)";

    /** What {@link #SUMS} adds up. {@code paymentsTotal} is null when no agreement was summed. */
    public record Sums(long agreements, long inForce, CooperationItemCounts items, BigDecimal paymentsTotal) {

        /**
         * Agreements that have ended (expired, terminated or superseded): every one not in force, as
         * {@link AgreementStatus#ended()} says.
         */
        public long ended() {
            return agreements - inForce;
        }
    }

    private AgreementSums() {
    }

    /** The sums {@link #SUMS} selected, from column {@code first} on. */
    public static Sums read(ResultSet rs, int first) throws SQLException {
        return new Sums(rs.getLong(first), rs.getLong(first + 1), new CooperationItemCounts(rs.getLong(first + 2),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5)), rs.getBigDecimal(first + 6));
    }
}
