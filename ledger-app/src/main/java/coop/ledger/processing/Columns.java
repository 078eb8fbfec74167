package coop.ledger.processing;

import coop.ledger.shared.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** How projection columns hold values: money as exact decimals, dates, times, lists of text. */
public final class Columns {

    private Columns() {
    }

    /** The year-month of a date, as the tables group by it ("2021-04"). */
    public static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    /** Lines of text (a programme's categories) back from one column. */
    public static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    public static BigDecimal yuan(Money money) {
        return money == null ? null : money.yuan();
    }

    public static Money money(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : new Money(value);
    }

    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
