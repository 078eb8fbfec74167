package coop.ledger.importing;

import java.util.Locale;

/** The file formats an import reads. */
enum ImportFormat {
    /** One object with the sections parties, agreements, projects and programmes; children nested in their parent. */
    JSON,
    /** One row per line, the column {@code record} naming its kind; lists separated by {@code |}. */
    CSV;

    /** Chooses the format from a file name or a media type; JSON unless it says CSV. */
    public static ImportFormat guess(String nameOrMediaType) {
        String s = nameOrMediaType == null ? "" : nameOrMediaType.toLowerCase(Locale.ROOT);
        return s.endsWith(".csv") || s.contains("csv") ? CSV : JSON;
    }
}
