package coop.ledger.processing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the changes of the projection batch being processed and hands them to the {@link ChangeListener}s only
 * after the batch's transaction committed: a dashboard that re-reads on a change always finds it in the tables,
 * and a batch that rolls back announces nothing.
 */
@Component
public class ChangeCollector {

    private static final String RESOURCE = ChangeCollector.class.getName() + ".changes";

    private final ObjectProvider<ChangeListener> listeners;

    public ChangeCollector(ObjectProvider<ChangeListener> listeners) {
        this.listeners = listeners;
    }

    public void record(Change change) {
        if (!CurrentUnitOfWork.isStarted()) {
            publish(List.of(change));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Change> batch = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            List<Change> changes = new ArrayList<>();
            unitOfWork.afterCommit(u -> publish(List.copyOf(changes)));
            return changes;
        });
        batch.add(change);
    }

    private void publish(List<Change> changes) {
        if (!changes.isEmpty()) {
            listeners.forEach(l -> l.committed(changes));
        }
    }
}
