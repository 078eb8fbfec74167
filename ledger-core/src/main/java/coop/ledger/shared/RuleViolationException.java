package coop.ledger.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command was refused because it would break a rule of the ledger. The {@link #rule()} is a stable code
 * (e.g. {@code agreement.closed}); the message says what was wrong with which values. Nothing is recorded.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final Map<String, Object> values;

    public RuleViolationException(String rule, String message, Map<String, ?> values) {
        super(message);
        this.rule = rule;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public RuleViolationException(String rule, String message) {
        this(rule, message, Map.of());
    }

    public String rule() {
        return rule;
    }

    /** The values involved, by name, so clients can show them next to the rule. */
    public Map<String, Object> values() {
        return values;
    }
}
