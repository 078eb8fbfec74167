package coop.ledger.party;

import coop.ledger.party.api.FindPartyQuery;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.party.state.PartyState;
import coop.ledger.eventstore.EventFold;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers party queries from the party's own events, every one of them: the party aggregate (and so its snapshot)
 * keeps only its newest former name, and the answer lists them all.
 */
@Component
class PartyQueries {

    private final EventFold events;

    public PartyQueries(EventFold events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<PartyState> handle(FindPartyQuery query) {
        return events.fold(query.code(), PartyEvent.class, PartyState::fold);
    }
}
