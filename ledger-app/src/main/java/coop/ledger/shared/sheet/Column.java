package coop.ledger.shared.sheet;

import java.util.function.Function;

/** One column of a sheet: its heading in Chinese and English, and the cell of a row (String, Number or LocalDate). */
public record Column<R>(String zh, String en, Function<R, Object> value) {

    /** The heading cell: Chinese first, as the dashboard shows it by default, then English. */
    String heading() {
        return zh + " / " + en;
    }
}
