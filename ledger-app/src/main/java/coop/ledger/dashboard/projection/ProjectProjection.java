package coop.ledger.dashboard.projection;

import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code dash_project} and its host and investor links. */
@Component
@ProcessingGroup(Projections.PROCESSOR)
public class ProjectProjection {

    private final ReadModelStore store;
    private final ChangeCollector changes;

    public ProjectProjection(ReadModelStore store, ChangeCollector changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(ProjectSignedEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        if (store.project(e.projectId()).map(r -> r.hasApplied(at)).orElse(false)) {
            return;
        }
        ProjectRow row = ProjectRow.signed(e, at);
        store.save(row);
        store.saveProjectParties(row);
        Projections.announce(changes, replay, "project", row.id(), message, at);
    }

    @EventHandler
    void on(ProjectEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        ProjectRow row = store.project(e.projectId())
                .orElseThrow(() -> PartyProjection.missing("project", e.projectId()));
        if (row.hasApplied(at)) {
            return;
        }
        store.save(row.apply(e, at));
        Projections.announce(changes, replay, "project", row.id(), message, at);
    }
}
