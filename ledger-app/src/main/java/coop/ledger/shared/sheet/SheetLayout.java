package coop.ledger.shared.sheet;

import org.springframework.core.ResolvableType;

import java.util.List;
import java.util.function.Function;

/**
 * How one answer of the query API reads as a spreadsheet: its rows and its columns. A slice declares one per list
 * or statistics answer it serves, as a bean of a subclass ({@code class ProjectSheet extends
 * SheetLayout<Page<ProjectItem>, ProjectItem>}); the subclass's type arguments say which answers it lays out. The
 * spreadsheet is written from the very object the JSON endpoint answers, so both show the same figures.
 *
 * @param <A> the answer of the endpoint, e.g. {@code Page<ProjectItem>} or {@code ProjectStats}
 * @param <R> one row of the sheet
 */
public abstract class SheetLayout<A, R> {

    private final ResolvableType answerType;
    private final Function<A, String> fileName;
    private final Function<A, List<R>> rows;
    private final List<Column<R>> columns;

    /**
     * @param fileName the name of the downloaded file without its extension, ASCII (e.g. {@code projects})
     * @param rows     the rows of one answer, in the order the answer lists them
     */
    protected SheetLayout(Function<A, String> fileName, Function<A, List<R>> rows, Columns<R> columns) {
        this.answerType = ResolvableType.forClass(getClass()).as(SheetLayout.class).getGeneric(0);
        this.fileName = fileName;
        this.rows = rows;
        this.columns = columns.list();
    }

    /** Whether answers of this declared type are laid out by this sheet. */
    boolean lays(ResolvableType type) {
        return answerType.isAssignableFrom(type);
    }

    @SuppressWarnings("unchecked")
    String fileName(Object answer) {
        return fileName.apply((A) answer);
    }

    List<Column<R>> columns() {
        return columns;
    }

    /** The cells of every row, one value per column (String, Number or LocalDate; null for an empty cell). */
    @SuppressWarnings("unchecked")
    List<List<Object>> cells(Object answer) {
        return rows.apply((A) answer).stream()
                .map(row -> columns.stream().map(column -> column.value().apply(row)).toList())
                .toList();
    }
}
