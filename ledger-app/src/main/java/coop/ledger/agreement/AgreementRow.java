package coop.ledger.agreement;

import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A cooperation agreement (合作协议) as the dashboards list it: who signs and observes, status, the counts of its
 * cooperation list (合作清单), each batch entry counted as its items, and the total of its payments as corrected.
 */
record AgreementRow(
        String id,
        String title,
        AgreementKind kind,
        AgreementStatus status,
        LocalDate signedOn,
        String place,
        String occasion,
        List<CooperationDomain> domains,
        List<String> signatories,
        List<String> observers,
        CooperationItemCounts items,
        Money paymentsTotal,
        int payments,
        int amendments,
        LocalDate closedOn,
        String supersededBy,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    public static AgreementRow signed(AgreementSignedEvent e, Applied at) {
        return new AgreementRow(e.agreementId(), e.title(), e.kind(), AgreementStatus.IN_FORCE, e.signedOn(),
                e.place(), e.occasion(), sorted(e.domains()), List.copyOf(e.signatories()),
                e.observers() == null ? List.of() : List.copyOf(e.observers()), CooperationItemCounts.NONE, Money.zero(), 0, 0,
                null, null, at.sequence(), at.position(), at.recordedAt());
    }

    /**
     * The row after an event that changes the agreement itself (participants, amendments, closure, payments); this
     * row when the event was applied before. Cooperation-list events go through {@link #itemMoved}.
     */
    public AgreementRow apply(AgreementEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        AgreementRow r = this;
        if (event instanceof PartyJoinedAgreementEvent e) {
            r = e.role() == ParticipantRole.SIGNATORY
                    ? r.withParticipants(append(signatories, e.partyCode()), observers)
                    : r.withParticipants(signatories, append(observers, e.partyCode()));
        } else if (event instanceof ObserverPromotedEvent e) {
            r = r.withParticipants(append(signatories, e.partyCode()),
                    observers.stream().filter(o -> !o.equals(e.partyCode())).toList());
        } else if (event instanceof AgreementAmendedEvent e) {
            r = new AgreementRow(id, e.title() != null ? e.title() : title, kind, status, signedOn, place, occasion,
                    e.domains() != null ? sorted(e.domains()) : domains, signatories, observers, items,
                    paymentsTotal, payments, amendments + 1, closedOn, supersededBy, lastSequence, lastPosition,
                    updatedAt);
        } else if (event instanceof AgreementExpiredEvent e) {
            r = r.closed(AgreementStatus.EXPIRED, e.expiredOn(), null);
        } else if (event instanceof AgreementTerminatedEvent e) {
            r = r.closed(AgreementStatus.TERMINATED, e.terminatedOn(), null);
        } else if (event instanceof AgreementSupersededEvent e) {
            r = r.closed(AgreementStatus.SUPERSEDED, e.supersededOn(), e.supersededBy());
        } else if (event instanceof AgreementSigningCorrectedEvent e) {
            r = new AgreementRow(id, e.title() != null ? e.title() : title, kind, status,
                    e.signedOn() != null ? e.signedOn() : signedOn, e.place() != null ? e.place() : place,
                    e.occasion() != null ? e.occasion() : occasion, domains, signatories, observers, items,
                    paymentsTotal, payments, amendments, closedOn, supersededBy, lastSequence, lastPosition,
                    updatedAt);
        } else if (event instanceof PaymentCorrectedEvent) {
            throw new IllegalArgumentException("a payment correction needs the payment: use paymentCorrected");
        } else if (event instanceof PaymentRecordedEvent e) {
            r = new AgreementRow(id, title, kind, status, signedOn, place, occasion, domains, signatories, observers,
                    items, paymentsTotal.plus(e.amount()), payments + 1, amendments, closedOn, supersededBy,
                    lastSequence, lastPosition, updatedAt);
        }
        return r.at(at);
    }

    /**
     * The row after an entry of {@code count} items of its cooperation list moved from {@code from} (null: newly
     * listed) to {@code to}.
     */
    public AgreementRow itemMoved(ItemStatus from, ItemStatus to, int count, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new AgreementRow(id, title, kind, status, signedOn, place, occasion, domains, signatories, observers,
                items.moved(from, to, count), paymentsTotal, payments, amendments, closedOn, supersededBy, at.sequence(),
                at.position(), at.recordedAt());
    }

    /**
     * The row after a correction changed one payment's amount from {@code before} to {@code after}: the total moves
     * by the difference, so it stays the sum of the payments as corrected.
     */
    public AgreementRow paymentCorrected(Money before, Money after, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new AgreementRow(id, title, kind, status, signedOn, place, occasion, domains, signatories, observers,
                items, new Money(paymentsTotal.yuan().subtract(before.yuan()).add(after.yuan())), payments, amendments, closedOn, supersededBy,
                at.sequence(), at.position(), at.recordedAt());
    }

    private AgreementRow withParticipants(List<String> newSignatories, List<String> newObservers) {
        return new AgreementRow(id, title, kind, status, signedOn, place, occasion, domains, newSignatories,
                newObservers, items, paymentsTotal, payments, amendments, closedOn, supersededBy, lastSequence,
                lastPosition, updatedAt);
    }

    private AgreementRow closed(AgreementStatus newStatus, LocalDate on, String by) {
        return new AgreementRow(id, title, kind, newStatus, signedOn, place, occasion, domains, signatories,
                observers, items, paymentsTotal, payments, amendments, on, by, lastSequence, lastPosition, updatedAt);
    }

    private AgreementRow at(Applied at) {
        return new AgreementRow(id, title, kind, status, signedOn, place, occasion, domains, signatories, observers,
                items, paymentsTotal, payments, amendments, closedOn, supersededBy, at.sequence(), at.position(),
                at.recordedAt());
    }

    private static List<CooperationDomain> sorted(Collection<CooperationDomain> domains) {
        return domains == null ? List.of()
                : domains.stream().sorted(Comparator.comparing(CooperationDomain::ordinal)).toList();
    }

    private static List<String> append(List<String> list, String code) {
        if (list.contains(code)) {
            return list;
        }
        List<String> copy = new ArrayList<>(list);
        copy.add(code);
        return List.copyOf(copy);
    }
}
