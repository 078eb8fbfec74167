package coop.ledger.agreement;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.agreement.state.AgreementState.CooperationItem;
import coop.ledger.agreement.state.CooperationItemCounts;
import coop.ledger.processing.Applied;
import coop.ledger.processing.ProjectionRow;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A cooperation agreement (合作协议) as the dashboards list it: the core's {@link AgreementState} of the agreement
 * itself (who signs and observes, status, title, dates), folded by the core's own fold, with its cooperation list
 * and payments kept apart ({@link AgreementItemRow}, {@link PaymentRow}) and summed here: the counts of the list
 * ({@link CooperationItemCounts}) and the total of the payments as corrected.
 */
record AgreementRow(
        AgreementState agreement,
        CooperationItemCounts items,
        Money paymentsTotal,
        int payments,
        int amendments,
        long lastSequence,
        long lastPosition,
        OffsetDateTime updatedAt) implements ProjectionRow {

    static AgreementRow signed(AgreementSignedEvent e, Applied at) {
        return new AgreementRow(AgreementState.signed(e), CooperationItemCounts.NONE, Money.zero(), 0, 0,
                at.sequence(), at.position(), at.recordedAt());
    }

    /**
     * The row after an event that changes the agreement itself (participants, amendments, closure, signing
     * corrections, payments); this row when the event was applied before. Cooperation-list events go through
     * {@link #itemMoved}, payment corrections through {@link #paymentCorrected}.
     */
    AgreementRow apply(AgreementEvent event, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        if (event instanceof PaymentRecordedEvent e) {
            // the payment itself is its own row; the agreement row keeps only the sum and the count
            return new AgreementRow(agreement, items, paymentsTotal.plus(e.amount()), payments + 1, amendments,
                    at.sequence(), at.position(), at.recordedAt());
        }
        if (event instanceof PaymentCorrectedEvent) {
            throw new IllegalArgumentException("a payment correction needs the payment: use paymentCorrected");
        }
        if (event instanceof CooperationItemListedEvent || CooperationItem.itemIdOf(event) != null) {
            throw new IllegalArgumentException("a cooperation item's event moves the counts: use itemMoved");
        }
        int amended = event instanceof AgreementAmendedEvent ? amendments + 1 : amendments;
        return new AgreementRow(agreement.apply(event), items, paymentsTotal, payments, amended, at.sequence(),
                at.position(), at.recordedAt());
    }

    /**
     * The row after an entry of {@code count} items of its cooperation list moved from {@code from} (null: newly
     * listed) to {@code to}.
     */
    AgreementRow itemMoved(ItemStatus from, ItemStatus to, int count, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new AgreementRow(agreement, items.moved(from, to, count), paymentsTotal, payments, amendments,
                at.sequence(), at.position(), at.recordedAt());
    }

    /**
     * The row after a correction changed one payment's amount from {@code before} to {@code after}: the total moves
     * by the difference, so it stays the sum of the payments as corrected.
     */
    AgreementRow paymentCorrected(Money before, Money after, Applied at) {
        if (hasApplied(at)) {
            return this;
        }
        return new AgreementRow(agreement, items,
                new Money(paymentsTotal.yuan().subtract(before.yuan()).add(after.yuan())), payments, amendments,
                at.sequence(), at.position(), at.recordedAt());
    }

    String id() {
        return agreement.agreementId();
    }

    String title() {
        return agreement.title();
    }

    AgreementKind kind() {
        return agreement.kind();
    }

    AgreementStatus status() {
        return agreement.status();
    }

    LocalDate signedOn() {
        return agreement.signedOn();
    }

    String place() {
        return agreement.place();
    }

    String occasion() {
        return agreement.occasion();
    }

    /** The domains in their vocabulary's order. */
    List<CooperationDomain> domains() {
        return agreement.domains().stream().sorted(Comparator.comparing(CooperationDomain::ordinal)).toList();
    }

    List<String> signatories() {
        return agreement.signatories();
    }

    List<String> observers() {
        return agreement.observers();
    }

    LocalDate closedOn() {
        return agreement.closure() == null ? null : agreement.closure().on();
    }

    String supersededBy() {
        return agreement.closure() == null ? null : agreement.closure().supersededBy();
    }
}
