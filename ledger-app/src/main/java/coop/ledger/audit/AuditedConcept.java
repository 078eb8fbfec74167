package coop.ledger.audit;

import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.state.PartyState;
import coop.ledger.project.api.ProjectEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.state.ProjectState;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.state.ProgrammeState;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The four kinds of record an auditor can ask about, each with the fold that builds its current state. Time
 * travel, field history and diffs all go through these folds: there is no second copy of the state logic.
 */
enum AuditedConcept {

    PARTY("party", PartyEvent.class, PartyRegisteredEvent.class, PartyState::fold),
    AGREEMENT("agreement", AgreementEvent.class, AgreementSignedEvent.class, AgreementState::fold),
    PROJECT("project", ProjectEvent.class, ProjectSignedEvent.class, ProjectState::fold),
    PROGRAMME("programme", ProgrammeEvent.class, ProgrammeDeclaredEvent.class, ProgrammeState::fold);

    private final String label;
    private final Class<?> eventType;
    private final Class<?> creationType;
    private final BiFunction<Object, Object, Object> fold;

    @SuppressWarnings("unchecked")
    <S, E> AuditedConcept(String label, Class<E> eventType, Class<? extends E> creationType,
                          BiFunction<S, E, S> fold) {
        this.label = label;
        this.eventType = eventType;
        this.creationType = creationType;
        this.fold = (state, event) -> fold.apply((S) state, (E) event);
    }

    public static Optional<AuditedConcept> of(Object event) {
        return Arrays.stream(values()).filter(c -> c.eventType.isInstance(event)).findFirst();
    }

    public String label() {
        return label;
    }

    /**
     * One step of the concept's fold. An event that finds no record yet (its creation was left out, e.g. by a
     * business-date filter) changes nothing: the record did not exist yet at that point.
     */
    public Object fold(Object state, Object event) {
        if (state == null && !creationType.isInstance(event)) {
            return null;
        }
        return fold.apply(state, event);
    }
}
