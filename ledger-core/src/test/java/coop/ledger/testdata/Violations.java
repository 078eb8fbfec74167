package coop.ledger.testdata;

import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.UnknownRecordException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;

/**
 * Matchers for {@code AggregateTestFixture.expectException}: the refusal's type and the rule it names, or the whole
 * refusal as a client reads it (rule, message and values).
 */
public final class Violations {

    private Violations() {
    }

    /** A {@link RuleViolationException} naming {@code rule}. */
    public static Matcher<Throwable> violationOf(String rule) {
        return refusal(RuleViolationException.class, rule);
    }

    /** An {@link UnknownRecordException} naming {@code rule}. */
    public static Matcher<Throwable> unknownRecord(String rule) {
        return refusal(UnknownRecordException.class, rule);
    }

    /** A {@link RuleViolationException} naming {@code rule}, with exactly this message and these values. */
    public static Matcher<Throwable> violation(String rule, String message, Map<String, ?> values) {
        return new TypeSafeDiagnosingMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof RuleViolationException refusal)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                mismatch.appendText("was rule ").appendValue(refusal.rule()).appendText(", message ")
                        .appendValue(refusal.getMessage()).appendText(", values ").appendValue(refusal.values());
                return rule.equals(refusal.rule()) && message.equals(refusal.getMessage())
                        && Map.copyOf(values).equals(Map.copyOf(refusal.values()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rule ").appendValue(rule).appendText(", message ").appendValue(message)
                        .appendText(", values ").appendValue(values);
            }
        };
    }

    private static Matcher<Throwable> refusal(Class<? extends RuleViolationException> type, String rule) {
        return new TypeSafeDiagnosingMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!type.isInstance(actual)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                String actualRule = ((RuleViolationException) actual).rule();
                mismatch.appendText("named rule ").appendValue(actualRule).appendText(": " + actual.getMessage());
                return rule.equals(actualRule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " for rule ").appendValue(rule);
            }
        };
    }
}
