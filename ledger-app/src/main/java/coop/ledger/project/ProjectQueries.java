package coop.ledger.project;

import coop.ledger.project.api.FindProjectQuery;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.state.ProjectState;
import coop.ledger.eventstore.EventFold;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers project queries from the project's own events: its newest snapshot and the events recorded after it, folded
 * as the aggregate folds them.
 */
@Component
class ProjectQueries {

    private final EventFold events;

    public ProjectQueries(EventFold events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<ProjectState> handle(FindProjectQuery query) {
        return events.foldFromSnapshot(query.projectId(), ProjectState.class, ProjectEvent.class, ProjectState::fold);
    }
}
