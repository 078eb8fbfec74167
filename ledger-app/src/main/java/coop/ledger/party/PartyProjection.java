package coop.ledger.party;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ChangeCollector;
import coop.ledger.processing.Projections;
import coop.ledger.processing.ReadModelStore;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code dash_party}. */
@Component
@ProcessingGroup(Projections.PROCESSOR)
public class PartyProjection {

    private final PartyRows store;
    private final ReadModelStore tables;
    private final ChangeCollector changes;

    PartyProjection(PartyRows store, ReadModelStore tables, ChangeCollector changes) {
        this.store = store;
        this.tables = tables;
        this.changes = changes;
    }

    @EventHandler
    void on(PartyRegisteredEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        if (store.party(e.code()).map(r -> r.hasApplied(at)).orElse(false)) {
            return;
        }
        store.save(PartyRow.registered(e, at));
        Projections.announce(changes, replay, "party", e.code(), message, at);
    }

    @EventHandler
    void on(PartyEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        PartyRow row = store.party(e.code()).orElseThrow(() -> Projections.missing("party", e.code()));
        if (row.hasApplied(at)) {
            return;
        }
        store.save(row.apply(e, at));
        Projections.announce(changes, replay, "party", e.code(), message, at);
    }

    /**
     * A replay starts from empty tables: every slice's, as the slices share one processor and so one reset. (Axon
     * calls reset handlers on event handler beans only; this is the slice every other one builds on.)
     */
    @ResetHandler
    void reset() {
        tables.emptyAllBeforeNextBatch();
    }
}
