package coop.ledger.project.persistence;

import coop.ledger.project.api.FindProjectQuery;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.query.ProjectState;
import coop.ledger.shared.persistence.EventFold;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers project queries from the project's own events. */
@Component
public class ProjectQueries {

    private final EventFold events;

    public ProjectQueries(EventFold events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<ProjectState> handle(FindProjectQuery query) {
        return events.fold(query.projectId(), ProjectEvent.class, ProjectState::fold);
    }
}
