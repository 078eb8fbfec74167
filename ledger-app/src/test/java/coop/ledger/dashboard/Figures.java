package coop.ledger.dashboard;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Named figures of one record or one group (counts and exact yuan), under names of their own, so that figures
 * read from different endpoints, each in its own shape, and figures derived from record views can be added,
 * subtracted and compared name by name. A figure an endpoint leaves out or shows as null is null here and counts as
 * zero in sums.
 * <p>
 * The derivations are the one meaning of every figure the project decided, applied to what a record view says of
 * each item, payment and report:
 * <ul>
 *   <li>programme items (事项): {@code planned} = on the original list and not withdrawn; {@code addedLater} = added
 *   outside the original list and not withdrawn; {@code total} = planned + addedLater; {@code completed} ⊆ total;
 *   {@code open} = total − completed; {@code withdrawn} apart; completion rate = completed / total, and none at all
 *   when any item counted ({@code ofListsOfUnknownSize}: not withdrawn) stands for a list of unknown size, whose
 *   items recorded are only a lower bound;</li>
 *   <li>cooperation-list items (合作清单): by state listed, started, completed, dropped; {@code total} all of them;
 *   completion rate = completed / (total − dropped);</li>
 *   <li>every count adds up {@code itemCount} or {@code projectCount}, a batch counting as what it stands for.</li>
 * </ul>
 */
record Figures(Map<String, BigDecimal> values) {

    static final Figures NONE = new Figures(Map.of());

    Figures {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Figures from name/value pairs; values are numbers, numeric text or null. */
    static Figures of(Object... namesAndValues) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], decimal(namesAndValues[i + 1]));
        }
        return new Figures(values);
    }

    /**
     * Reads figures from an endpoint's JSON: {@code shape} maps each of our names to a dotted path in {@code node},
     * e.g. {@code planned → items.planned} or {@code paymentsTotal → paymentsTotal.yuan}.
     */
    static Figures read(JsonNode node, Map<String, String> shape) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        shape.forEach((name, path) -> values.put(name, decimal(at(node, path))));
        return new Figures(values);
    }

    /** A shape whose names are the paths after {@code prefix}, e.g. {@code shape("items.", "planned")}. */
    static Map<String, String> shape(String prefix, String... names) {
        Map<String, String> shape = new LinkedHashMap<>();
        for (String name : names) {
            String[] renamed = name.split("=");
            shape.put(renamed[0], prefix + (renamed.length == 2 ? renamed[1] : renamed[0]));
        }
        return shape;
    }

    BigDecimal get(String name) {
        return values.get(name);
    }

    /** The figure as a count or amount, zero when absent or null. */
    BigDecimal sum(String name) {
        BigDecimal value = values.get(name);
        return value == null ? BigDecimal.ZERO : value;
    }

    Figures plus(Figures other) {
        return combine(other, 1);
    }

    Figures minus(Figures other) {
        return combine(other, -1);
    }

    Set<String> names() {
        return values.keySet();
    }

    /**
     * Completed programme items over all that are due (planned + addedLater, withdrawn left out); null when some of
     * them stand for a list of unknown size.
     */
    BigDecimal serviceCompletionRate() {
        return listSizeUnknown() ? null : rate(sum("completed"), sum("total"));
    }

    /** Whether some programme items counted stand for a list of unknown size. */
    boolean listSizeUnknown() {
        return sum("ofListsOfUnknownSize").signum() > 0;
    }

    /** Completed cooperation-list items over all that were not dropped. */
    BigDecimal listCompletionRate() {
        return rate(sum("completed"), sum("total").subtract(sum("dropped")));
    }

    // ------------------------------------------------------------------ the one meaning, per item

    /**
     * What one programme item (or batch of {@code count} items) adds to each figure; {@code listSizeUnknown}: it
     * stands for a list whose size the source does not give.
     */
    static Figures serviceItem(boolean addedLater, String status, long count, boolean listSizeUnknown) {
        boolean withdrawn = status.equals("WITHDRAWN");
        boolean completed = status.equals("COMPLETED");
        long planned = !addedLater && !withdrawn ? count : 0;
        long later = addedLater && !withdrawn ? count : 0;
        return of("planned", planned, "addedLater", later, "total", planned + later,
                "completed", completed ? count : 0, "completedOriginal", completed && !addedLater ? count : 0,
                "completedAddedLater", completed && addedLater ? count : 0, "withdrawn", withdrawn ? count : 0,
                "open", status.equals("OPEN") ? count : 0,
                "ofListsOfUnknownSize", listSizeUnknown && !withdrawn ? count : 0);
    }

    static final String[] SERVICE = {"planned", "addedLater", "total", "completed", "completedOriginal",
            "completedAddedLater", "withdrawn", "open"};

    /** What one cooperation-list entry of {@code count} items adds to each figure. */
    static Figures listItem(String status, long count) {
        return of("listed", status.equals("LISTED") ? count : 0, "started", status.equals("STARTED") ? count : 0,
                "completed", status.equals("COMPLETED") ? count : 0, "dropped", status.equals("DROPPED") ? count : 0,
                "total", count);
    }

    static final String[] LIST = {"listed", "started", "completed", "dropped", "total"};

    /** 0..1 with four decimals, half up; null when nothing is due (as the endpoints write it). */
    static BigDecimal rate(BigDecimal done, BigDecimal of) {
        return of.signum() <= 0 ? null : done.divide(of, 4, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String step : path.split("\\.")) {
            current = current.path(step);
        }
        return current;
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof Boolean flag) {
            return flag ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(value.toString());
    }

    private Figures combine(Figures other, int sign) {
        Set<String> names = new LinkedHashSet<>(values.keySet());
        names.addAll(other.values.keySet());
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (String name : names) {
            BigDecimal right = other.sum(name);
            result.put(name, sum(name).add(sign < 0 ? right.negate() : right));
        }
        return new Figures(result);
    }
}
