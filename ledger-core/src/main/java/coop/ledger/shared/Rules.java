package coop.ledger.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The party a command names, as the directory knows it; refused as {@code party.unknown} when unregistered. */
    public static RecordDirectory.PartyEntry requireKnownParty(RecordDirectory directory, String partyCode) {
        return directory.party(partyCode).orElseThrow(() -> new RuleViolationException("party.unknown",
                "party " + partyCode + " is not registered", Map.of("partyCode", String.valueOf(partyCode))));
    }

    /** Party codes, none empty and none named twice; {@code rule} names the refusal of a repeated one. */
    public static void requireDistinctParties(List<String> codes, String field, String rule) {
        requireDistinct(codes, field, rule, "party code", "party");
    }

    /** Values such as categories, none empty and none named twice; {@code rule} names the refusal of a repeat. */
    public static void requireDistinctValues(List<String> values, String field, String rule) {
        requireDistinct(values, field, rule, "value", "value");
    }

    /** Optional text as it is recorded: stripped, and null when blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void requireDistinct(List<String> values, String field, String rule, String emptyNoun,
                                        String noun) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String value : values) {
            require(value != null && !value.isBlank(), "field.required", field + " contains an empty " + emptyNoun,
                    Map.of("field", field));
            if (!seen.add(value)) {
                duplicates.add(value);
            }
        }
        require(duplicates.isEmpty(), rule, field + " names the same " + noun + " more than once: " + duplicates,
                Map.of("field", field, "duplicates", duplicates));
    }
}
