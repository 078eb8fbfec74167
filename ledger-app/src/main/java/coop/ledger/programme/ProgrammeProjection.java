package coop.ledger.programme;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ChangeCollector;
import coop.ledger.processing.Projections;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code dash_programme}, its participant links, its items and their responsible parties. */
@Component
@ProcessingGroup(Projections.PROCESSOR)
class ProgrammeProjection {

    private final ProgrammeRows store;
    private final ChangeCollector changes;

    public ProgrammeProjection(ProgrammeRows store, ChangeCollector changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(ProgrammeDeclaredEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        if (store.programme(e.programmeId()).map(r -> r.hasApplied(at)).orElse(false)) {
            return;
        }
        ProgrammeRow row = ProgrammeRow.declared(e, at);
        store.save(row);
        store.saveParties(row);
        Projections.announce(changes, replay, "programme", row.id(), message, at);
    }

    @EventHandler
    void on(ServiceItemListedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        ProgrammeRow programme = programme(e);
        if (programme.hasApplied(at)) {
            return;
        }
        ProgrammeItemRow item = ProgrammeItemRow.listed(e, at);
        store.save(item);
        store.saveResponsible(item);
        store.save(programme.touched(at));
        Projections.announce(changes, replay, "programme", programme.id(), message, at);
    }

    @EventHandler
    void on(ServiceItemCompletedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemChanged(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    @EventHandler
    void on(ServiceItemWithdrawnEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemChanged(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    @EventHandler
    void on(ServiceItemReopenedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemChanged(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    @EventHandler
    void on(ServiceItemCorrectedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemChanged(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    private void itemChanged(ProgrammeEvent e, String itemId, Applied at, EventMessage<?> message,
                             ReplayStatus replay) {
        ProgrammeRow programme = programme(e);
        if (programme.hasApplied(at)) {
            return;
        }
        ProgrammeItemRow item = store.item(e.programmeId(), itemId)
                .orElseThrow(() -> Projections.missing("programme item", e.programmeId() + "/" + itemId));
        store.save(item.apply(e, at));
        store.save(programme.touched(at));
        Projections.announce(changes, replay, "programme", programme.id(), message, at);
    }

    private ProgrammeRow programme(ProgrammeEvent e) {
        return store.programme(e.programmeId())
                .orElseThrow(() -> Projections.missing("programme", e.programmeId()));
    }
}
