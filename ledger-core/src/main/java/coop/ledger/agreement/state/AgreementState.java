package coop.ledger.agreement.state;

import coop.ledger.shared.Provenance;
import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A cooperation agreement (合作协议) as its events describe it: participants, cooperation list (合作清单),
 * payments and status. The aggregate and every reader fold events through {@link #fold}, so the state the rules
 * see and the state readers see are computed by one piece of code.
 */
public record AgreementState(
        String agreementId,
        String title,
        AgreementKind kind,
        List<Participant> participants,
        LocalDate signedOn,
        String place,
        String occasion,
        Set<CooperationDomain> domains,
        String summary,
        AgreementStatus status,
        Closure closure,
        List<CooperationItem> items,
        List<Payment> payments,
        List<Amendment> amendments,
        long version,
        Provenance provenance) {

    /** The state without a provenance, for readers that keep none (the read model's rows). */
    public AgreementState(String agreementId, String title, AgreementKind kind, List<Participant> participants,
                          LocalDate signedOn, String place, String occasion, Set<CooperationDomain> domains,
                          String summary, AgreementStatus status, Closure closure, List<CooperationItem> items,
                          List<Payment> payments, List<Amendment> amendments, long version) {
        this(agreementId, title, kind, participants, signedOn, place, occasion, domains, summary, status, closure,
                items, payments, amendments, version, null);
    }

    /** A party to the agreement, its current role and since when it has been one. */
    public record Participant(String partyCode, ParticipantRole role, LocalDate since) {

        /**
         * Since when a participant takes part after the signing date was corrected from {@code signedOn} to
         * {@code correctedSignedOn}: one who joined at the signing joined at the corrected signing; one who joined
         * later keeps the date of joining. The one statement of this rule, for the state and the read model alike.
         */
        public static LocalDate sinceAfterSigningCorrection(LocalDate since, LocalDate signedOn,
                                                            LocalDate correctedSignedOn) {
            return since.equals(signedOn) ? correctedSignedOn : since;
        }
    }

    /** How the agreement stopped being in force: expiry, termination or supersession. */
    public record Closure(LocalDate on, String reason, String supersededBy) {
    }

    /** One item (事项) of the cooperation list. */
    public record CooperationItem(
            String itemId,
            String description,
            CooperationDomain domain,
            List<String> responsibleParties,
            LocalDate dueOn,
            LocalDate listedOn,
            ItemStatus status,
            LocalDate startedOn,
            LocalDate completedOn,
            String evidence,
            LocalDate droppedOn,
            String dropReason,
            int itemCount,
            String note) {

        /** An entry of the list as its listing records it. */
        public static CooperationItem listed(CooperationItemListedEvent e) {
            return new CooperationItem(e.itemId(), e.description(), e.domain(), List.copyOf(e.responsibleParties()),
                    e.dueOn(), e.listedOn(), ItemStatus.LISTED, null, null, null, null, null, e.count(), e.note());
        }

        /**
         * The entry after one of its own events (start, completion, drop): the one fold of a cooperation item, used
         * by the agreement's state and by the read model's item rows alike.
         */
        public CooperationItem apply(AgreementEvent event) {
            if (event instanceof CooperationItemStartedEvent e) {
                return started(e.startedOn());
            }
            if (event instanceof CooperationItemCompletedEvent e) {
                return completed(e.completedOn(), e.evidence());
            }
            if (event instanceof CooperationItemDroppedEvent e) {
                return dropped(e.droppedOn(), e.reason());
            }
            throw new IllegalArgumentException("item " + itemId + " cannot apply " + event.getClass().getSimpleName());
        }

        /** The entry an item event is about; null for an event of the agreement itself. */
        public static String itemIdOf(AgreementEvent event) {
            if (event instanceof CooperationItemStartedEvent e) {
                return e.itemId();
            }
            if (event instanceof CooperationItemCompletedEvent e) {
                return e.itemId();
            }
            if (event instanceof CooperationItemDroppedEvent e) {
                return e.itemId();
            }
            return null;
        }

        CooperationItem started(LocalDate on) {
            return new CooperationItem(itemId, description, domain, responsibleParties, dueOn, listedOn,
                    ItemStatus.STARTED, on, null, null, null, null, itemCount, note);
        }

        CooperationItem completed(LocalDate on, String evidenceNote) {
            return new CooperationItem(itemId, description, domain, responsibleParties, dueOn, listedOn,
                    ItemStatus.COMPLETED, startedOn, on, evidenceNote, null, null, itemCount, note);
        }

        CooperationItem dropped(LocalDate on, String reason) {
            return new CooperationItem(itemId, description, domain, responsibleParties, dueOn, listedOn,
                    ItemStatus.DROPPED, startedOn, null, null, on, reason, itemCount, note);
        }
    }

    /** A payment made under the agreement. */
    public record Payment(String paymentId, String payer, String payee, Money amount, LocalDate paidOn,
                          String purpose) {

        public static Payment recorded(PaymentRecordedEvent e) {
            return new Payment(e.paymentId(), e.payer(), e.payee(), e.amount(), e.paidOn(), e.purpose());
        }

        /** The payment with a correction's values, where it gives them: the one fold of a payment. */
        public Payment corrected(PaymentCorrectedEvent e) {
            return new Payment(paymentId, e.payer() != null ? e.payer() : payer, e.payee() != null ? e.payee() : payee,
                    e.amount() != null ? e.amount() : amount, e.paidOn() != null ? e.paidOn() : paidOn, purpose);
        }
    }

    /** An amendment: what changed and why. */
    public record Amendment(LocalDate amendedOn, String description, String reason) {
    }

    public static AgreementState signed(AgreementSignedEvent e) {
        List<Participant> participants = new ArrayList<>();
        e.signatories().forEach(p -> participants.add(new Participant(p, ParticipantRole.SIGNATORY, e.signedOn())));
        e.observers().forEach(p -> participants.add(new Participant(p, ParticipantRole.OBSERVER, e.signedOn())));
        return new AgreementState(e.agreementId(), e.title(), e.kind(), List.copyOf(participants), e.signedOn(),
                e.place(), e.occasion(), Set.copyOf(e.domains()), e.summary(), AgreementStatus.IN_FORCE, null,
                List.of(), List.of(), List.of(), 1, e.provenance());
    }

    /** Folds any agreement event, starting from no state ({@code null}) for the signing. */
    public static AgreementState fold(AgreementState state, AgreementEvent event) {
        if (event instanceof AgreementSignedEvent e) {
            return signed(e);
        }
        return state.apply(event);
    }

    public AgreementState apply(AgreementEvent event) {
        if (event instanceof PartyJoinedAgreementEvent e) {
            return withParticipants(append(participants, new Participant(e.partyCode(), e.role(), e.joinedOn())));
        }
        if (event instanceof ObserverPromotedEvent e) {
            // A promoted observer signs from then on, after the parties that signed before it: the signatories
            // are listed in the order they became signatories.
            List<Participant> others = participants.stream().filter(p -> !p.partyCode().equals(e.partyCode()))
                    .toList();
            return withParticipants(append(others,
                    new Participant(e.partyCode(), ParticipantRole.SIGNATORY, e.promotedOn())));
        }
        if (event instanceof CooperationItemListedEvent e) {
            return withItems(append(items, CooperationItem.listed(e)));
        }
        String itemId = CooperationItem.itemIdOf(event);
        if (itemId != null) {
            return withItem(itemId, i -> i.apply(event));
        }
        if (event instanceof AgreementAmendedEvent e) {
            return new AgreementState(agreementId, e.title() != null ? e.title() : title, kind, participants,
                    signedOn, place, occasion, e.domains() != null ? Set.copyOf(e.domains()) : domains,
                    e.summary() != null ? e.summary() : summary, status, closure, items, payments,
                    append(amendments, new Amendment(e.amendedOn(), e.description(), e.reason())), version + 1, provenance);
        }
        if (event instanceof AgreementSupersededEvent e) {
            return closed(AgreementStatus.SUPERSEDED, new Closure(e.supersededOn(), e.reason(), e.supersededBy()));
        }
        if (event instanceof AgreementExpiredEvent e) {
            return closed(AgreementStatus.EXPIRED, new Closure(e.expiredOn(), null, null));
        }
        if (event instanceof AgreementTerminatedEvent e) {
            return closed(AgreementStatus.TERMINATED, new Closure(e.terminatedOn(), e.reason(), null));
        }
        if (event instanceof PaymentRecordedEvent e) {
            return new AgreementState(agreementId, title, kind, participants, signedOn, place, occasion, domains,
                    summary, status, closure, items,
                    append(payments, Payment.recorded(e)),
                    amendments, version + 1, provenance);
        }
        if (event instanceof PaymentCorrectedEvent e) {
            return new AgreementState(agreementId, title, kind, participants, signedOn, place, occasion, domains,
                    summary, status, closure, items,
                    payments.stream().map(p -> p.paymentId().equals(e.paymentId()) ? p.corrected(e) : p).toList(),
                    amendments, version + 1, provenance);
        }
        if (event instanceof AgreementSigningCorrectedEvent e) {
            LocalDate newSignedOn = e.signedOn() != null ? e.signedOn() : signedOn;
            List<Participant> newParticipants = participants.stream()
                    .map(p -> new Participant(p.partyCode(), p.role(),
                            Participant.sinceAfterSigningCorrection(p.since(), signedOn, newSignedOn)))
                    .toList();
            return new AgreementState(agreementId, e.title() != null ? e.title() : title, kind, newParticipants,
                    newSignedOn, e.place() != null ? e.place() : place, e.occasion() != null ? e.occasion() : occasion,
                    domains, summary, status, closure, items, payments, amendments, version + 1, provenance);
        }
        throw new IllegalStateException("agreement " + agreementId + " cannot apply " + event.getClass().getSimpleName());
    }

    public List<String> signatories() {
        return codesIn(ParticipantRole.SIGNATORY);
    }

    public List<String> observers() {
        return codesIn(ParticipantRole.OBSERVER);
    }

    public Optional<ParticipantRole> roleOf(String partyCode) {
        return participants.stream().filter(p -> p.partyCode().equals(partyCode)).map(Participant::role).findFirst();
    }

    public Optional<CooperationItem> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }

    public Optional<Payment> payment(String paymentId) {
        return payments.stream().filter(p -> p.paymentId().equals(paymentId)).findFirst();
    }

    public boolean hasPayment(String paymentId) {
        return payments.stream().anyMatch(p -> p.paymentId().equals(paymentId));
    }

    /** Sum of all payments recorded under the agreement. */
    public Money paymentsTotal() {
        return payments.stream().map(Payment::amount).reduce(Money.zero(), Money::plus);
    }

    /** The cooperation list's counts by status ({@link CooperationItemCounts}: their one definition). */
    public CooperationItemCounts itemCounts() {
        return CooperationItemCounts.of(items);
    }

    private List<String> codesIn(ParticipantRole role) {
        return participants.stream().filter(p -> p.role() == role).map(Participant::partyCode).toList();
    }

    private AgreementState withParticipants(List<Participant> newParticipants) {
        return new AgreementState(agreementId, title, kind, newParticipants, signedOn, place, occasion, domains,
                summary, status, closure, items, payments, amendments, version + 1, provenance);
    }

    private AgreementState withItems(List<CooperationItem> newItems) {
        return new AgreementState(agreementId, title, kind, participants, signedOn, place, occasion, domains,
                summary, status, closure, newItems, payments, amendments, version + 1, provenance);
    }

    private AgreementState withItem(String itemId, UnaryOperator<CooperationItem> change) {
        return withItems(items.stream().map(i -> i.itemId().equals(itemId) ? change.apply(i) : i).toList());
    }

    private AgreementState closed(AgreementStatus newStatus, Closure newClosure) {
        return new AgreementState(agreementId, title, kind, participants, signedOn, place, occasion, domains,
                summary, newStatus, newClosure, items, payments, amendments, version + 1, provenance);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
