package coop.ledger.agreement;

import coop.ledger.processing.Applied;
import coop.ledger.processing.ChangeCollector;
import coop.ledger.processing.Projections;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps {@code dash_agreement} and its participant, domain, item, responsible-party and payment rows. */
@Component
@ProcessingGroup(Projections.PROCESSOR)
public class AgreementProjection {

    private final AgreementRows store;
    private final ChangeCollector changes;

    public AgreementProjection(AgreementRows store, ChangeCollector changes) {
        this.store = store;
        this.changes = changes;
    }

    @EventHandler
    void on(AgreementSignedEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        if (store.agreement(e.agreementId()).map(r -> r.hasApplied(at)).orElse(false)) {
            return;
        }
        AgreementRow row = AgreementRow.signed(e, at);
        store.save(row);
        store.saveDomains(row);
        row.signatories().forEach(p -> store.saveParticipant(row.id(), p, ParticipantRole.SIGNATORY, e.signedOn(),
                sequence));
        row.observers().forEach(p -> store.saveParticipant(row.id(), p, ParticipantRole.OBSERVER, e.signedOn(),
                sequence));
        Projections.announce(changes, replay, "agreement", row.id(), message, at);
    }

    /** Participants, amendments, signing corrections, closure and payments. */
    @EventHandler
    void on(AgreementEvent e, @SequenceNumber long sequence, TrackingToken token, @Timestamp Instant recordedAt,
            EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        AgreementRow row = agreement(e);
        if (row.hasApplied(at)) {
            return;
        }
        AgreementRow next = row.apply(e, at);
        store.save(next);
        if (!next.domains().equals(row.domains())) {
            store.saveDomains(next);
        }
        if (e instanceof PartyJoinedAgreementEvent joined) {
            store.saveParticipant(row.id(), joined.partyCode(), joined.role(), joined.joinedOn(), sequence);
        } else if (e instanceof ObserverPromotedEvent promoted) {
            store.saveParticipant(row.id(), promoted.partyCode(), ParticipantRole.SIGNATORY, promoted.promotedOn(),
                    sequence);
        } else if (e instanceof PaymentRecordedEvent payment) {
            store.save(PaymentRow.recorded(payment, at));
        } else if (e instanceof AgreementSigningCorrectedEvent && !next.signedOn().equals(row.signedOn())) {
            // As the fold does: participants who joined at the signing take the corrected signing date.
            store.signingCorrected(row.id(), row.signedOn(), next.signedOn(), sequence);
        }
        Projections.announce(changes, replay, "agreement", row.id(), message, at);
    }

    /** A payment's correction moves the agreement's total by the difference between the old and new amount. */
    @EventHandler
    void on(PaymentCorrectedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        AgreementRow row = agreement(e);
        if (row.hasApplied(at)) {
            return;
        }
        PaymentRow payment = store.payment(e.agreementId(), e.paymentId())
                .orElseThrow(() -> Projections.missing("payment", e.agreementId() + "/" + e.paymentId()));
        PaymentRow corrected = payment.corrected(e, at);
        store.save(corrected);
        store.save(row.paymentCorrected(payment.amount(), corrected.amount(), at));
        Projections.announce(changes, replay, "agreement", row.id(), message, at);
    }

    @EventHandler
    void on(CooperationItemListedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        Applied at = Projections.applied(sequence, token, recordedAt);
        AgreementRow row = agreement(e);
        if (row.hasApplied(at)) {
            return;
        }
        AgreementItemRow item = AgreementItemRow.listed(e, at);
        store.save(item);
        store.saveResponsible(item);
        store.save(row.itemMoved(null, item.status(), item.itemCount(), at));
        Projections.announce(changes, replay, "agreement", row.id(), message, at);
    }

    @EventHandler
    void on(CooperationItemStartedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemProgressed(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    @EventHandler
    void on(CooperationItemCompletedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemProgressed(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    @EventHandler
    void on(CooperationItemDroppedEvent e, @SequenceNumber long sequence, TrackingToken token,
            @Timestamp Instant recordedAt, EventMessage<?> message, ReplayStatus replay) {
        itemProgressed(e, e.itemId(), Projections.applied(sequence, token, recordedAt), message, replay);
    }

    private void itemProgressed(AgreementEvent e, String itemId, Applied at, EventMessage<?> message,
                                ReplayStatus replay) {
        AgreementRow row = agreement(e);
        if (row.hasApplied(at)) {
            return;
        }
        AgreementItemRow item = store.item(e.agreementId(), itemId)
                .orElseThrow(() -> Projections.missing("cooperation item", e.agreementId() + "/" + itemId));
        AgreementItemRow next = item.apply(e, at);
        store.save(next);
        store.save(row.itemMoved(item.status(), next.status(), item.itemCount(), at));
        Projections.announce(changes, replay, "agreement", row.id(), message, at);
    }

    private AgreementRow agreement(AgreementEvent e) {
        return store.agreement(e.agreementId()).orElseThrow(() -> Projections.missing("agreement", e.agreementId()));
    }
}
