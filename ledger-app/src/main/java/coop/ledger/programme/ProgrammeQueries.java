package coop.ledger.programme;

import coop.ledger.programme.api.FindProgrammeQuery;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.eventstore.EventFold;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers programme queries from the programme's own events: its newest snapshot and the events recorded after it, folded
 * as the aggregate folds them.
 */
@Component
class ProgrammeQueries {

    private final EventFold events;

    public ProgrammeQueries(EventFold events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<ProgrammeState> handle(FindProgrammeQuery query) {
        return events.foldFromSnapshot(query.programmeId(), ProgrammeState.class, ProgrammeEvent.class,
                ProgrammeState::fold);
    }
}
