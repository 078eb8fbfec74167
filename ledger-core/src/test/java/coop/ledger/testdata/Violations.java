package coop.ledger.testdata;

import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.UnknownRecordException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matchers for {@code AggregateTestFixture.expectException}: the refusal's type and the rule it names. */
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
