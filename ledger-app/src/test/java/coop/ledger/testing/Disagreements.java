package coop.ledger.testing;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.fail;

/**
 * Collects every disagreement between two places that show the same figure, so that one run names them all
 * (soft assertions), then fails once with the whole list. Each line says what was compared (the record or group),
 * which figure, and the value each place gave: {@code programme p-3 · planned: GET /api/programmes/{id} = 12 ≠
 * GET /api/programmes (row) = 14}. Lines are also grouped by figure and pair of places, with a count, so a systematic
 * disagreement reads as one finding.
 */
public final class Disagreements {

    private static final int LINES_IN_MESSAGE = 400;

    private final List<String> lines = new ArrayList<>();
    private final Map<String, List<String>> byKind = new LinkedHashMap<>();
    private long comparisons;

    /**
     * Compares {@code a}, as {@code whereA} shows it, with {@code b}, as {@code whereB} shows it. Numbers (also as
     * text, such as yuan) are equal when their values are ({@code 1.50} = {@code 1.5}); null equals only null.
     * {@code whereA} and {@code whereB} name endpoints without ids, {@code subject} names the record or group.
     */
    public synchronized void check(String subject, String figure, String whereA, Object a, String whereB, Object b) {
        comparisons++;
        Object left = normalise(a);
        Object right = normalise(b);
        boolean same = left instanceof BigDecimal x && right instanceof BigDecimal y ? x.compareTo(y) == 0
                : Objects.equals(left, right);
        if (!same) {
            add(figure + ": " + whereA + " vs " + whereB,
                    subject + " · " + figure + ": " + whereA + " = " + show(left) + " ≠ " + whereB + " = "
                            + show(right));
        }
    }

    /** A finding that is not a comparison of two values, e.g. a write the ledger answered with a 5xx. */
    public synchronized void add(String kind, String line) {
        lines.add(line);
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
    }

    public synchronized long comparisons() {
        return comparisons;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The findings grouped by kind (figure and places), with how many records or groups each concerns. */
    public synchronized String summary() {
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, found) -> text.append(String.format("  %5d × %s%n", found.size(), kind)));
        return text.toString();
    }

    /** Writes every finding to {@code file} and fails with the summary and the first lines, unless there is none. */
    public synchronized void assertNone(Path file) {
        if (lines.isEmpty()) {
            return;
        }
        String report = lines.size() + " disagreements in " + comparisons + " comparisons, by kind:\n" + summary()
                + "\nevery disagreement (also in " + file.toAbsolutePath() + "):\n"
                + String.join("\n", lines.subList(0, Math.min(lines.size(), LINES_IN_MESSAGE)))
                + (lines.size() > LINES_IN_MESSAGE ? "\n… " + (lines.size() - LINES_IN_MESSAGE) + " more in the file"
                : "");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, summary() + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fail(report);
    }

    private static Object normalise(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isString()) {
                return normalise(node.asString());
            }
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            return node.toString();
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof String text && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(text);
        }
        return value;
    }

    private static String show(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }
}
