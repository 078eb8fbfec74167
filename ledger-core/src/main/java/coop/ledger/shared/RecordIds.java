package coop.ledger.shared;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The form of every id in the ledger (party codes, agreement, item and payment ids): stable identifiers used in
 * URLs and files, so 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.
 */
public final class RecordIds {

    /** A compile-time constant, so request validation annotations can use it too. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private RecordIds() {
    }

    /** Refuses an id of the wrong form under {@code rule}, naming {@code field}. */
    public static void require(String id, String field, String rule) {
        Rules.require(id != null && COMPILED.matcher(id).matches(), rule, field + " " + MESSAGE,
                Map.of("field", field, field, String.valueOf(id)));
    }
}
