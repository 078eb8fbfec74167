package coop.ledger.shared.sheet;

import coop.ledger.shared.query.QueryParameters;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code format} parameter of the list and statistics endpoints: {@code json} (the default), {@code csv} or
 * {@code xlsx}. The same choice can be made with an {@code Accept} header ({@code text/csv} or the XLSX media type).
 */
public final class SheetFormat {

    public static final String DESCRIPTION = "json (default), csv (UTF-8 with BOM) or xlsx: the same rows, filters "
            + "and figures as a spreadsheet file; amounts as shown (亿元/万元) and in exact yuan";
    public static final String CSV_VALUE = "text/csv";
    public static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    static final List<String> NAMES = List.of("json", "csv", "xlsx");

    private SheetFormat() {
    }

    /** Refuses (400, naming {@code format}) a format the endpoints cannot write. */
    public static void check(String format) {
        QueryParameters.choice("format", format, NAMES, "json");
    }

    /** Whether {@code format} asks for a spreadsheet file (which holds the whole filtered list, not one page). */
    public static boolean isFile(String format) {
        return format != null && (format.strip().equals("csv") || format.strip().equals("xlsx"));
    }

    /** The media type a valid {@code format} value asks for; null when absent or not one of {@link #NAMES}. */
    static MediaType mediaType(String format) {
        if (format == null) {
            return null;
        }
        return switch (format.strip()) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            default -> null;
        };
    }
}
