package coop.ledger.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** Small guards shared by aggregates; each throws a {@link RuleViolationException} naming the rule and values. */
public final class Rules {

    private Rules() {
    }

    public static void require(boolean condition, String rule, String message, Map<String, ?> values) {
        if (!condition) {
            throw new RuleViolationException(rule, message, values);
        }
    }

    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("field.required", field + " must not be blank", Map.of("field", field));
        }
    }

    /** A business date may not lie in the future (in Asia/Shanghai): the ledger records what has happened. */
    public static void requireNotFuture(LocalDate date, String field, Clock clock) {
        LocalDate today = LedgerTime.today(clock);
        if (date != null && date.isAfter(today)) {
            throw new RuleViolationException("business-date.in-future",
                    field + " " + date + " is after today (" + today + ", Asia/Shanghai)",
                    Map.of("field", field, "date", date.toString(), "today", today.toString()));
        }
    }
}
