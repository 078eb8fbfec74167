package coop.ledger.programme;

import coop.ledger.programme.state.ProgrammeState.ItemCounts;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Sums of programme items' counts over {@code dash_programme_item i}: each row holds what the core's
 * {@link ItemCounts} says the item adds, so a query only adds them up and never decides again what "planned" means.
 */
public final class ProgrammeItemSums {

    /** {@link #COLUMNS} columns, read back by {@link #read}. */
    public static final String SUMS = "SUM(i.planned_items), SUM(i.added_later_items), SUM(i.completed_items), "
            + "SUM(i.completed_original_items), SUM(i.completed_added_later_items), SUM(i.withdrawn_items), "
            + "SUM(i.open_items), SUM(i.unknown_list_items)";
    public static final int COLUMNS = 8;

    private ProgrammeItemSums() {
    }

    /** The counts {@link #SUMS} selected, from column {@code first} on (no rows: all zero). */
    public static ItemCounts read(ResultSet rs, int first) throws SQLException {
        return new ItemCounts(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6), rs.getLong(first + 7));
    }
}
