package coop.ledger.shared.query;

import coop.ledger.shared.Labelled;
import coop.ledger.shared.RecordIds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads and checks the query parameters of the read endpoints; a bad value names its parameter. */
public final class QueryParameters {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /** Rows a spreadsheet download may hold: a whole filtered list, where a JSON page holds {@link #MAX_SIZE}. */
    static final int MAX_FILE_ROWS = 100_000;
    static final int MAX_PAGE = 1_000_000;

    private QueryParameters() {
    }

    /** A vocabulary value given by code, Chinese or English label; null when absent. */
    public static <E extends Enum<E> & Labelled> E vocabulary(String name, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Labelled.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, e.getMessage());
        }
    }

    /**
     * The vocabulary values of a filter that takes several: comma-separated ({@code status=SIGNED,IN_OPERATION}),
     * repeated ({@code status=SIGNED&status=IN_OPERATION}) or both; each by code, Chinese or English label. Answers
     * the distinct values in the vocabulary's order, empty when none is given.
     */
    public static <E extends Enum<E> & Labelled> List<E> vocabularies(String name, List<String> values,
                                                                       Class<E> type) {
        return values(values).stream().map(v -> vocabulary(name, v, type)).distinct().sorted().toList();
    }

    /** The codes of {@link #vocabularies}, as the read-model columns hold them. */
    public static <E extends Enum<E> & Labelled> List<String> vocabularyCodes(String name, List<String> values,
                                                                               Class<E> type) {
        return vocabularies(name, values, type).stream().map(Enum::name).toList();
    }

    /** Every value of a parameter that takes several, split at commas, blanks left out. */
    public static List<String> values(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public static String code(String name, String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.strip().matches(RecordIds.PATTERN)) {
            throw new InvalidParameterException(name, RecordIds.MESSAGE);
        }
        return value.strip();
    }

    public static String text(String name, String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > 500) {
            throw new InvalidParameterException(name, "must be at most 500 characters");
        }
        return value.strip();
    }

    public static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date written yyyy-MM-dd, got \"" + abbreviate(value)
                    + "\"");
        }
    }

    /** Checks that {@code from} is not after {@code to}. */
    public static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "must not be after to (" + to + ")");
        }
    }

    public static String choice(String name, String value, List<String> allowed, String fallback) {
        if (blank(value)) {
            if (fallback == null) {
                throw new InvalidParameterException(name, "is required; one of " + allowed);
            }
            return fallback;
        }
        if (!allowed.contains(value.strip())) {
            throw new InvalidParameterException(name, "must be one of " + allowed + ", got \"" + abbreviate(value)
                    + "\"");
        }
        return value.strip();
    }

    /**
     * The page to read: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE}, {@code sort} as
     * {@code field} or {@code field,asc|desc} with a field of {@code sorts}.
     */
    public static PageRequest page(String page, String size, String sort, Map<String, String> sorts, String defaultSort) {
        return page(page, size, sort, sorts, defaultSort, false);
    }

    /**
     * As {@link #page(String, String, String, Map, String)}; for a spreadsheet download ({@code file}) {@code size}
     * may be up to {@value #MAX_FILE_ROWS} and defaults to that, so that a file holds the whole filtered list, as an
     * administrator downloading "the list" expects, not its first page.
     */
    public static PageRequest page(String page, String size, String sort, Map<String, String> sorts, String defaultSort,
                                   boolean file) {
        int pageNumber = number("page", page, 0, 0, MAX_PAGE);
        int pageSize = file ? number("size", size, MAX_FILE_ROWS, 1, MAX_FILE_ROWS)
                : number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String wanted = blank(sort) ? defaultSort : sort.strip();
        String[] parts = wanted.split(",", -1);
        String column = sorts.get(parts[0].strip());
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase() : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidParameterException("sort", "must be field or field,asc or field,desc with a field of "
                    + new TreeSet<>(sorts.keySet()) + ", got \"" + abbreviate(wanted) + "\"");
        }
        return new PageRequest(pageNumber, pageSize, column + (direction.equals("desc") ? " DESC NULLS LAST"
                : " ASC NULLS LAST"));
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a whole number, got \"" + abbreviate(value) + "\"");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
