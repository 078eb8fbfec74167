package coop.ledger.shared;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** Rules every correction (更正) obeys, whatever it corrects; the aggregates add the rules of the corrected fact. */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The sequence number of the event a correction cites. {@code cited} must name one of the record's events
     * ({@code recorded}, indexed by sequence number) that {@code correctable} accepts; when {@code cited} is null
     * the latest such event is cited.
     *
     * @param what the corrected fact in words, for the refusal message, e.g. "payment paid-to-2021"
     */
    public static <E> long citation(List<E> recorded, Long cited, Predicate<? super E> correctable, String what) {
        if (cited == null) {
            for (int sequence = recorded.size() - 1; sequence >= 0; sequence--) {
                if (correctable.test(recorded.get(sequence))) {
                    return sequence;
                }
            }
            throw new IllegalStateException("no recorded event of " + what);
        }
        boolean exists = cited >= 0 && cited < recorded.size();
        Rules.require(exists && correctable.test(recorded.get(cited.intValue())), "correction.cites-wrong-event",
                "event " + cited + " of this record is not " + (exists ? "" : "even recorded, let alone ")
                        + "an event that recorded " + what,
                Map.of("correctsSequence", cited,
                        "citedEventType", exists ? recorded.get(cited.intValue()).getClass().getSimpleName() : "none"));
        return cited;
    }

    /** The reason is required: an auditor must be able to see why the record was wrong. */
    public static String requireReason(String reason) {
        Rules.requireText(reason, "reason");
        return reason.strip();
    }

    /** A corrected value, or null when it was not given or equals the current value (so it changes nothing). */
    public static <T> T changed(T corrected, T current) {
        return corrected == null || Objects.equals(corrected, current) ? null : corrected;
    }

    /** At least one value must change: a correction that corrects nothing is refused. */
    public static void requireSomeChange(Object... changedValues) {
        boolean any = false;
        for (Object value : changedValues) {
            any |= value != null;
        }
        Rules.require(any, "correction.no-change",
                "the correction changes no value: give at least one field with a value that differs from the record",
                Map.of());
    }
}
