package coop.ledger.shared;

import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.Map;

/**
 * Record versions as clients see them: the number of events recorded for the record (1 after creation).
 * Axon counts from 0 (the last sequence number), so this class is the one place that translates.
 */
public final class Versions {

    private Versions() {
    }

    /** The version of the record being handled, including events applied so far in this command. */
    public static long current() {
        Long sequence = AggregateLifecycle.getVersion();
        return sequence == null ? 0 : sequence + 1;
    }

    /** Refuses the command when the client said which version it expects and the record has moved on. */
    public static void requireExpected(Long expected) {
        if (expected == null) {
            return;
        }
        long actual = current();
        if (expected != actual) {
            throw new RuleViolationException("version.stale",
                    "the record is at version " + actual + ", not at the expected version " + expected
                            + "; read it again and retry",
                    Map.of("expectedVersion", expected, "actualVersion", actual));
        }
    }
}
