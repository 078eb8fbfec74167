package coop.ledger.agreement;

import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.FindAgreementQuery;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.eventstore.EventFold;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers agreement queries from the agreement's own events: its newest snapshot and the events recorded after it, folded
 * as the aggregate folds them.
 */
@Component
class AgreementQueries {

    private final EventFold events;

    public AgreementQueries(EventFold events) {
        this.events = events;
    }

    @QueryHandler
    public Optional<AgreementState> handle(FindAgreementQuery query) {
        return events.foldFromSnapshot(query.agreementId(), AgreementState.class, AgreementEvent.class,
                AgreementState::fold);
    }
}
