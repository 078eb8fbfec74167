package coop.ledger.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The events of one record and the states they lead to, always through the concept's own fold: the state after
 * any number of events, as recorded at an instant, or as of a business date with what is known now.
 */
final class RecordTimeline {

    private final String recordId;
    private final AuditedConcept concept;
    private final List<RecordedEvent> events;

    public RecordTimeline(String recordId, AuditedConcept concept, List<RecordedEvent> events) {
        this.recordId = recordId;
        this.concept = concept;
        this.events = List.copyOf(events);
    }

    public String recordId() {
        return recordId;
    }

    public AuditedConcept concept() {
        return concept;
    }

    public List<RecordedEvent> events() {
        return events;
    }

    /** The state after the first {@code count} events (null for none). */
    public Object stateAfter(long count) {
        return foldWhere(e -> e.sequence() < count);
    }

    /** The state after each event in turn: element i is the state once event i is folded in. */
    public List<Object> statesAfterEachEvent() {
        List<Object> states = new ArrayList<>(events.size());
        Object state = null;
        for (RecordedEvent event : events) {
            state = concept.fold(state, event.payload());
            states.add(state);
        }
        return states;
    }

    /** The events the ledger had recorded at {@code instant} (inclusive). */
    public List<RecordedEvent> recordedBy(Instant instant) {
        return events.stream().filter(e -> !e.recordedAt().isAfter(instant)).toList();
    }

    /** The state as the ledger recorded it at {@code instant}: only events recorded at or before it. */
    public Object asRecordedAt(Instant instant) {
        return foldWhere(e -> !e.recordedAt().isAfter(instant));
    }

    /**
     * The state as of business date {@code date} with what the ledger knows now: events whose business date is on
     * or before it, in recorded order, corrections included. A corrected fact counts at its corrected date (a
     * payment whose date was corrected from 30 September to 5 October is not yet paid on 1 October), and its
     * corrections come with it. Undated facts always count.
     */
    public Object asOfBusinessDate(LocalDate date) {
        List<RecordedEvent> included = eventsAsOfBusinessDate(date);
        return foldWhere(included::contains);
    }

    public List<RecordedEvent> eventsAsOfBusinessDate(LocalDate date) {
        Map<Long, Long> rootOf = new HashMap<>();
        Map<Long, LocalDate> effectiveDate = new HashMap<>();
        for (RecordedEvent event : events) {
            Long corrects = event.correctsSequence();
            long root = corrects == null ? event.sequence() : rootOf.getOrDefault(corrects, corrects);
            rootOf.put(event.sequence(), root);
            effectiveDate.put(root, event.businessDate());
        }
        return events.stream().filter(e -> {
            LocalDate effective = effectiveDate.get(rootOf.get(e.sequence()));
            return effective == null || !effective.isAfter(date);
        }).toList();
    }

    private Object foldWhere(Predicate<RecordedEvent> included) {
        Object state = null;
        for (RecordedEvent event : events) {
            if (included.test(event)) {
                state = concept.fold(state, event.payload());
            }
        }
        return state;
    }
}
