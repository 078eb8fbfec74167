package coop.ledger.eventstore;

import coop.ledger.shared.FoldedState;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Rebuilds a record's state straight from its events with the same fold the aggregate uses, so an
 * administrator reads exactly what the rules see, including the write acknowledged a moment ago.
 */
@Component
public class EventFold {

    private final EventStore eventStore;

    public EventFold(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Folds the events of {@code recordId} that are of {@code eventType}, from the first one (never a snapshot);
     * empty when there are none.
     */
    public <S, E> Optional<S> fold(String recordId, Class<E> eventType, BiFunction<S, E, S> step) {
        return fold(eventStore.readEvents(recordId, 0), null, eventType, step);
    }

    /**
     * The same fold, started from the record's newest snapshot: the aggregate in it holds the state of
     * {@code stateType} its events fold to ({@link FoldedState}), so only the events recorded after it are read
     * and folded. The events still come from the event store, so the answer includes the latest write.
     */
    public <S, E> Optional<S> foldFromSnapshot(String recordId, Class<S> stateType, Class<E> eventType,
                                               BiFunction<S, E, S> step) {
        return fold(eventStore.readEvents(recordId), stateType, eventType, step); // the snapshot first, if any
    }

    private static <S, E> Optional<S> fold(DomainEventStream stream, Class<S> stateType, Class<E> eventType,
                                           BiFunction<S, E, S> step) {
        S state = null;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (eventType.isInstance(payload)) {
                state = step.apply(state, eventType.cast(payload));
            } else if (state == null && stateType != null && payload instanceof FoldedState<?> snapshot
                    && stateType.isInstance(snapshot.foldedState())) {
                state = stateType.cast(snapshot.foldedState());
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(state);
    }
}
