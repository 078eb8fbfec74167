package coop.ledger.shared;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Rules every correction (更正) obeys, whatever it corrects; the aggregates add the rules of the corrected fact. */
public final class Corrections {

    private Corrections() {
    }

    /**
     * The sequence number of the event a correction cites. When {@code cited} is null, {@code latest}: the latest
     * event that recorded the corrected fact, which the aggregate keeps. Otherwise {@code cited} must be one of the
     * record's {@code recorded} events, read back from its {@code history}, and {@code correctable} must accept it.
     *
     * @param recorded how many events the record has (its version): sequence numbers run from 0 to one less
     * @param what     the corrected fact in words, for the refusal message, e.g. "payment paid-to-2021"
     */
    public static long citation(RecordHistory history, String recordId, long recorded, Long cited, Long latest,
                                Predicate<? super LedgerEvent> correctable, String what) {
        if (cited == null) {
            if (latest == null) {
                throw new IllegalStateException("no recorded event of " + what);
            }
            return latest;
        }
        Optional<LedgerEvent> event = cited >= 0 && cited < recorded
                ? history.event(recordId, cited)
                : Optional.empty();
        boolean exists = event.isPresent();
        Rules.require(exists && correctable.test(event.get()), "correction.cites-wrong-event",
                "event " + cited + " of this record is not " + (exists ? "" : "even recorded, let alone ")
                        + "an event that recorded " + what,
                Map.of("correctsSequence", cited,
                        "citedEventType", event.map(e -> e.getClass().getSimpleName()).orElse("none")));
        return cited;
    }

    /**
     * The earlier of two business dates, either of which may be null. Aggregates keep the earliest date of the
     * steps recorded after the signing with it, for {@link #requireSigningNotAfter}.
     */
    public static LocalDate earliest(LocalDate current, LocalDate date) {
        if (date == null) {
            return current;
        }
        return current == null || date.isBefore(current) ? date : current;
    }

    /**
     * A corrected signing date may not fall after any later step of the record (a join, an item, a payment, a
     * milestone, a report, or a correction of one), whose earliest business date is {@code earliestLaterStep}.
     *
     * @param record the record in words, for the refusal message, e.g. "agreement kai-yun-pengxi"
     */
    public static void requireSigningNotAfter(LocalDate earliestLaterStep, LocalDate signedOn, String record) {
        if (earliestLaterStep != null && earliestLaterStep.isBefore(signedOn)) {
            throw new RuleViolationException("correction.signing-after-later-step",
                    "signedOn " + signedOn + " is after " + earliestLaterStep
                            + ", the date of a later step recorded for " + record,
                    Map.of("signedOn", signedOn.toString(), "earliestLaterStep", earliestLaterStep.toString()));
        }
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
