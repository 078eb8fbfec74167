package coop.ledger.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
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

    /** Folds the events of {@code recordId} that are of {@code eventType}; empty when there are none. */
    public <S, E> Optional<S> fold(String recordId, Class<E> eventType, BiFunction<S, E, S> step) {
        DomainEventStream stream = eventStore.readEvents(recordId, 0); // from the first event: never a snapshot
        S state = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (!eventType.isInstance(payload)) {
                return Optional.empty();
            }
            state = step.apply(state, eventType.cast(payload));
        }
        return Optional.ofNullable(state);
    }
}
