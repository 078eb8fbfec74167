package coop.ledger.agreement.command;

import coop.ledger.shared.Provenance;
import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.agreement.api.CorrectPaymentCommand;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.AgreementStatus;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.AmendAgreementCommand;
import coop.ledger.agreement.api.CompleteCooperationItemCommand;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.DropCooperationItemCommand;
import coop.ledger.agreement.api.ExpireAgreementCommand;
import coop.ledger.agreement.api.ItemStatus;
import coop.ledger.agreement.api.JoinAgreementCommand;
import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.agreement.api.PromoteObserverCommand;
import coop.ledger.agreement.api.RecordPaymentCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.agreement.api.StartCooperationItemCommand;
import coop.ledger.agreement.api.SupersedeAgreementCommand;
import coop.ledger.agreement.api.TerminateAgreementCommand;
import coop.ledger.agreement.state.AgreementState;
import coop.ledger.agreement.state.AgreementState.CooperationItem;
import coop.ledger.shared.Corrections;
import coop.ledger.shared.FoldedState;
import coop.ledger.shared.Money;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.RecordHistory;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.Rules;
import coop.ledger.shared.UnknownRecordException;
import coop.ledger.shared.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static coop.ledger.shared.Rules.blankToNull;
import static coop.ledger.shared.Rules.requireKnownParty;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The cooperation-agreement aggregate (合作协议): decides signings, participants, the cooperation list (合作清单),
 * amendments, closure and payments. Every refusal names its rule and the values involved.
 * <p>
 * It keeps its state and the few facts about its past that corrections decide on, never its history, so it loads
 * from its latest snapshot as fast with ten thousand events as with ten. The snapshot revision changes whenever
 * these fields change shape: a snapshot of another revision is ignored and the agreement is folded from its events.
 */
@Revision("2")
public class Agreement implements FoldedState<AgreementState> {

    @AggregateIdentifier
    private String agreementId;
    private AgreementState state;
    /** The sequence number of the latest event that recorded the signing: the signing or a correction of it. */
    private long signingCitation;
    /** Per payment id, the sequence number of the latest event that recorded the payment or corrected it. */
    private final Map<String, Long> paymentCitations = new HashMap<>();
    /** The earliest business date of the steps recorded after the signing; null while there is none. */
    private LocalDate earliestLaterStep;

    protected Agreement() {
        // for Axon
    }

    @CommandHandler
    public Agreement(SignAgreementCommand cmd, RecordDirectory directory, Clock clock) {
        RecordIds.require(cmd.agreementId(), "agreementId", "agreement.id-format");
        Rules.requireText(cmd.title(), "title");
        Rules.require(cmd.kind() != null, "field.required", "kind must be given", Map.of("field", "kind"));
        Rules.require(cmd.signedOn() != null, "field.required", "signedOn must be given", Map.of("field", "signedOn"));
        Rules.requireNotFuture(cmd.signedOn(), "signedOn", clock);
        List<String> signatories = cmd.signatories() == null ? List.of() : cmd.signatories();
        List<String> observers = cmd.observers() == null ? List.of() : cmd.observers();
        Rules.requireDistinctParties(signatories, "signatories", "agreement.duplicate-party");
        Rules.requireDistinctParties(observers, "observers", "agreement.duplicate-party");
        Rules.require(signatories.size() >= 2, "agreement.too-few-signatories",
                "an agreement needs at least two distinct signatories, got " + signatories.size(),
                Map.of("signatories", signatories));
        for (String observer : observers) {
            Rules.require(!signatories.contains(observer), "agreement.signatory-and-observer",
                    "party " + observer + " cannot be both signatory and observer", Map.of("partyCode", observer));
        }
        signatories.forEach(p -> requireKnownParty(directory, p));
        observers.forEach(p -> requireKnownParty(directory, p));
        apply(new AgreementSignedEvent(cmd.agreementId(), cmd.title().strip(), cmd.kind(), List.copyOf(signatories),
                List.copyOf(observers), cmd.signedOn(), blankToNull(cmd.place()), blankToNull(cmd.occasion()),
                cmd.domains() == null ? Set.of() : Set.copyOf(cmd.domains()), blankToNull(cmd.summary()),
                Provenance.normalised(cmd.provenance())));
    }

    @CommandHandler
    public long handle(JoinAgreementCommand cmd, RecordDirectory directory, Clock clock) {
        requireOpen(cmd.expectedVersion());
        Rules.require(cmd.role() != null, "field.required", "role must be given", Map.of("field", "role"));
        requireKnownParty(directory, cmd.partyCode());
        state.roleOf(cmd.partyCode()).ifPresent(role -> {
            throw new RuleViolationException("agreement.already-party",
                    "party " + cmd.partyCode() + " already takes part as " + role.name().toLowerCase(),
                    Map.of("partyCode", cmd.partyCode(), "role", role.name()));
        });
        requireBusinessDate(cmd.joinedOn(), "joinedOn", clock);
        apply(new PartyJoinedAgreementEvent(agreementId, cmd.partyCode(), cmd.role(), cmd.joinedOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(PromoteObserverCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        Rules.require(state.roleOf(cmd.partyCode()).filter(r -> r == ParticipantRole.OBSERVER).isPresent(),
                "agreement.not-an-observer", "party " + cmd.partyCode() + " is not an observer of this agreement",
                Map.of("partyCode", String.valueOf(cmd.partyCode())));
        requireBusinessDate(cmd.promotedOn(), "promotedOn", clock);
        apply(new ObserverPromotedEvent(agreementId, cmd.partyCode(), cmd.promotedOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ListCooperationItemCommand cmd, RecordDirectory directory, Clock clock) {
        requireOpen(cmd.expectedVersion());
        RecordIds.require(cmd.itemId(), "itemId", "item.id-format");
        Rules.require(state.item(cmd.itemId()).isEmpty(), "item.duplicate",
                "item " + cmd.itemId() + " is already on the cooperation list", Map.of("itemId", cmd.itemId()));
        Rules.requireText(cmd.description(), "description");
        List<String> responsible = cmd.responsibleParties() == null ? List.of() : cmd.responsibleParties();
        Rules.requireDistinctParties(responsible, "responsibleParties", "agreement.duplicate-party");
        for (String party : responsible) {
            requireResponsibleParty(directory, party);
        }
        requireBusinessDate(cmd.listedOn(), "listedOn", clock);
        if (cmd.dueOn() != null) {
            Rules.require(!cmd.dueOn().isBefore(cmd.listedOn()), "item.due-before-listed",
                    "due date " + cmd.dueOn() + " is before the listing date " + cmd.listedOn(),
                    Map.of("dueOn", cmd.dueOn().toString(), "listedOn", cmd.listedOn().toString()));
        }
        Rules.require(cmd.itemCount() == null || cmd.itemCount() >= 1, "item.count-not-positive",
                "an entry stands for at least one item, got " + cmd.itemCount(),
                Map.of("itemCount", String.valueOf(cmd.itemCount())));
        apply(new CooperationItemListedEvent(agreementId, cmd.itemId(), cmd.description().strip(), cmd.domain(),
                List.copyOf(responsible), cmd.dueOn(), cmd.listedOn(), cmd.itemCount(), blankToNull(cmd.note())));
        return Versions.current();
    }

    @CommandHandler
    public long handle(StartCooperationItemCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        CooperationItem item = listedItem(cmd.itemId());
        requireNotFinished(item);
        Rules.require(item.status() != ItemStatus.STARTED, "item.already-started",
                "item " + item.itemId() + " was already started on " + item.startedOn(),
                Map.of("itemId", item.itemId(), "startedOn", String.valueOf(item.startedOn())));
        requireItemDate(item, cmd.startedOn(), "startedOn", clock);
        apply(new CooperationItemStartedEvent(agreementId, item.itemId(), cmd.startedOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(CompleteCooperationItemCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        CooperationItem item = listedItem(cmd.itemId());
        requireNotFinished(item);
        Rules.requireText(cmd.evidence(), "evidence");
        requireItemDate(item, cmd.completedOn(), "completedOn", clock);
        apply(new CooperationItemCompletedEvent(agreementId, item.itemId(), cmd.completedOn(), cmd.evidence().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DropCooperationItemCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        CooperationItem item = listedItem(cmd.itemId());
        requireNotFinished(item);
        Rules.requireText(cmd.reason(), "reason");
        requireItemDate(item, cmd.droppedOn(), "droppedOn", clock);
        apply(new CooperationItemDroppedEvent(agreementId, item.itemId(), cmd.droppedOn(), cmd.reason().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(AmendAgreementCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        requireBusinessDate(cmd.amendedOn(), "amendedOn", clock);
        Rules.requireText(cmd.description(), "description");
        Rules.requireText(cmd.reason(), "reason");
        String title = blankToNull(cmd.title());
        String summary = blankToNull(cmd.summary());
        Rules.require(title == null || !title.equals(state.title()), "amendment.no-change",
                "the new title equals the current title", Map.of("title", state.title()));
        Rules.require(cmd.domains() == null || !Set.copyOf(cmd.domains()).equals(state.domains()), "amendment.no-change",
                "the new domains equal the current domains", Map.of("domains", state.domains()));
        apply(new AgreementAmendedEvent(agreementId, cmd.amendedOn(), title, summary,
                cmd.domains() == null ? null : Set.copyOf(cmd.domains()), cmd.description().strip(), cmd.reason().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(SupersedeAgreementCommand cmd, RecordDirectory directory, Clock clock) {
        requireOpen(cmd.expectedVersion());
        Rules.require(cmd.supersededBy() != null && !cmd.supersededBy().equals(agreementId), "agreement.supersedes-itself",
                "an agreement cannot be superseded by itself", Map.of("supersededBy", String.valueOf(cmd.supersededBy())));
        Rules.require(directory.agreementExists(cmd.supersededBy()), "agreement.unknown",
                "superseding agreement " + cmd.supersededBy() + " is not recorded",
                Map.of("supersededBy", cmd.supersededBy()));
        requireBusinessDate(cmd.supersededOn(), "supersededOn", clock);
        apply(new AgreementSupersededEvent(agreementId, cmd.supersededBy(), cmd.supersededOn(), blankToNull(cmd.reason())));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ExpireAgreementCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        requireBusinessDate(cmd.expiredOn(), "expiredOn", clock);
        apply(new AgreementExpiredEvent(agreementId, cmd.expiredOn()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(TerminateAgreementCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        Rules.requireText(cmd.reason(), "reason");
        requireBusinessDate(cmd.terminatedOn(), "terminatedOn", clock);
        apply(new AgreementTerminatedEvent(agreementId, cmd.terminatedOn(), cmd.reason().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RecordPaymentCommand cmd, Clock clock) {
        requireOpen(cmd.expectedVersion());
        RecordIds.require(cmd.paymentId(), "paymentId", "payment.id-format");
        Rules.require(!state.hasPayment(cmd.paymentId()), "payment.duplicate",
                "payment " + cmd.paymentId() + " is already recorded", Map.of("paymentId", cmd.paymentId()));
        requirePositivePayment(cmd.amount());
        requireSignatory(cmd.payer(), "payer");
        requireSignatory(cmd.payee(), "payee");
        Rules.require(!cmd.payer().equals(cmd.payee()), "payment.payer-is-payee",
                "payer and payee are the same party " + cmd.payer(), Map.of("payer", cmd.payer()));
        requireBusinessDate(cmd.paidOn(), "paidOn", clock);
        apply(new PaymentRecordedEvent(agreementId, cmd.paymentId(), cmd.payer(), cmd.payee(), cmd.amount(),
                cmd.paidOn(), blankToNull(cmd.purpose())));
        return Versions.current();
    }

    /**
     * Corrects a mis-recorded payment. Allowed whatever the agreement's status: a closed agreement's history can
     * still be wrong. The corrected values obey the rules of a new payment.
     */
    @CommandHandler
    public long handle(CorrectPaymentCommand cmd, RecordHistory history, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        AgreementState.Payment payment = state.payment(cmd.paymentId()).orElseThrow(() -> new UnknownRecordException(
                "payment.not-recorded", "payment " + cmd.paymentId() + " is not recorded under agreement " + agreementId,
                Map.of("agreementId", agreementId, "paymentId", String.valueOf(cmd.paymentId()))));
        long cited = Corrections.citation(history, agreementId, state.version(), cmd.correctsSequence(),
                paymentCitations.get(payment.paymentId()),
                e -> e instanceof PaymentRecordedEvent r && r.paymentId().equals(payment.paymentId())
                        || e instanceof PaymentCorrectedEvent c && c.paymentId().equals(payment.paymentId()),
                "payment " + payment.paymentId());
        String reason = Corrections.requireReason(cmd.reason());
        String payer = Corrections.changed(blankToNull(cmd.payer()), payment.payer());
        String payee = Corrections.changed(blankToNull(cmd.payee()), payment.payee());
        Money amount = Corrections.changed(cmd.amount(), payment.amount());
        if (amount != null && amount.compareTo(payment.amount()) == 0) {
            amount = null;
        }
        LocalDate paidOn = Corrections.changed(cmd.paidOn(), payment.paidOn());
        Corrections.requireSomeChange(payer, payee, amount, paidOn);
        if (amount != null) {
            requirePositivePayment(amount);
        }
        String newPayer = payer != null ? payer : payment.payer();
        String newPayee = payee != null ? payee : payment.payee();
        requireSignatory(newPayer, "payer");
        requireSignatory(newPayee, "payee");
        Rules.require(!newPayer.equals(newPayee), "payment.payer-is-payee",
                "payer and payee are the same party " + newPayer, Map.of("payer", newPayer));
        LocalDate newPaidOn = paidOn != null ? paidOn : payment.paidOn();
        requireBusinessDate(newPaidOn, "paidOn", clock);
        apply(new PaymentCorrectedEvent(agreementId, payment.paymentId(), cited, payer, payee, amount, paidOn, reason,
                newPaidOn));
        return Versions.current();
    }

    /**
     * Corrects the recorded signing: title, signing date, place or occasion. A corrected signing date obeys the
     * rules of a signing and may not fall after anything the agreement recorded since (a join, an item, a payment).
     */
    @CommandHandler
    public long handle(CorrectAgreementSigningCommand cmd, RecordHistory history, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        long cited = Corrections.citation(history, agreementId, state.version(), cmd.correctsSequence(),
                signingCitation,
                e -> e instanceof AgreementSignedEvent || e instanceof AgreementSigningCorrectedEvent,
                "the signing of agreement " + agreementId);
        String reason = Corrections.requireReason(cmd.reason());
        String title = Corrections.changed(blankToNull(cmd.title()), state.title());
        LocalDate signedOn = Corrections.changed(cmd.signedOn(), state.signedOn());
        String place = Corrections.changed(blankToNull(cmd.place()), state.place());
        String occasion = Corrections.changed(blankToNull(cmd.occasion()), state.occasion());
        Corrections.requireSomeChange(title, signedOn, place, occasion);
        if (signedOn != null) {
            Rules.requireNotFuture(signedOn, "signedOn", clock);
            Corrections.requireSigningNotAfter(earliestLaterStep, signedOn, "agreement " + agreementId);
        }
        apply(new AgreementSigningCorrectedEvent(agreementId, cited, title, signedOn, place, occasion, reason,
                signedOn != null ? signedOn : state.signedOn()));
        return Versions.current();
    }

    @EventSourcingHandler
    void on(AgreementEvent event, @SequenceNumber long sequence) {
        agreementId = event.agreementId();
        state = AgreementState.fold(state, event);
        if (event instanceof AgreementSignedEvent || event instanceof AgreementSigningCorrectedEvent) {
            signingCitation = sequence;
        } else {
            earliestLaterStep = Corrections.earliest(earliestLaterStep, event.businessDate());
        }
        if (event instanceof PaymentRecordedEvent e) {
            paymentCitations.put(e.paymentId(), sequence);
        } else if (event instanceof PaymentCorrectedEvent e) {
            paymentCitations.put(e.paymentId(), sequence);
        }
    }

    @Override
    public AgreementState foldedState() {
        return state;
    }

    private static void requirePositivePayment(Money amount) {
        Rules.require(amount != null && amount.isPositive(), "payment.amount-not-positive",
                "a payment amount must be positive, got " + amount,
                Map.of("amount", String.valueOf(amount == null ? null : amount.plain())));
    }

    private void requireOpen(Long expectedVersion) {
        Versions.requireExpected(expectedVersion);
        if (state.status() != AgreementStatus.IN_FORCE) {
            throw new RuleViolationException("agreement.closed",
                    "agreement " + agreementId + " is " + state.status().name().toLowerCase()
                            + " and accepts no further changes",
                    Map.of("agreementId", agreementId, "status", state.status().name()));
        }
    }

    /** A business date must be given, not in the future, and not before the signing. */
    private void requireBusinessDate(LocalDate date, String field, Clock clock) {
        Rules.require(date != null, "field.required", field + " must be given", Map.of("field", field));
        Rules.requireNotFuture(date, field, clock);
        Rules.require(!date.isBefore(state.signedOn()), "business-date.before-signing",
                field + " " + date + " is before the agreement was signed on " + state.signedOn(),
                Map.of("field", field, "date", date.toString(), "signedOn", state.signedOn().toString()));
    }

    /** An item's progress cannot be dated before it was listed or started. */
    private void requireItemDate(CooperationItem item, LocalDate date, String field, Clock clock) {
        requireBusinessDate(date, field, clock);
        LocalDate previous = item.startedOn() != null ? item.startedOn() : item.listedOn();
        Rules.require(!date.isBefore(previous), "item.date-before-previous-step",
                field + " " + date + " is before item " + item.itemId() + " was "
                        + (item.startedOn() != null ? "started" : "listed") + " on " + previous,
                Map.of("field", field, "date", date.toString(), "previous", previous.toString()));
    }

    private CooperationItem listedItem(String itemId) {
        return state.item(itemId).orElseThrow(() -> new UnknownRecordException("item.not-listed",
                "item " + itemId + " is not on the cooperation list of agreement " + agreementId,
                Map.of("agreementId", agreementId, "itemId", String.valueOf(itemId))));
    }

    private static void requireNotFinished(CooperationItem item) {
        Rules.require(item.status() != ItemStatus.COMPLETED, "item.already-completed",
                "item " + item.itemId() + " was already completed on " + item.completedOn(),
                Map.of("itemId", item.itemId(), "completedOn", String.valueOf(item.completedOn())));
        Rules.require(item.status() != ItemStatus.DROPPED, "item.dropped",
                "item " + item.itemId() + " was dropped on " + item.droppedOn(),
                Map.of("itemId", item.itemId(), "droppedOn", String.valueOf(item.droppedOn())));
    }

    private void requireSignatory(String partyCode, String field) {
        Rules.require(partyCode != null && state.signatories().contains(partyCode), "payment.not-a-signatory",
                field + " " + partyCode + " is not a signatory of agreement " + agreementId,
                Map.of("field", field, "partyCode", String.valueOf(partyCode)));
    }

    /** Responsible for an item: a participant of the agreement, or a department of one (e.g. its 医保局). */
    private void requireResponsibleParty(RecordDirectory directory, String partyCode) {
        RecordDirectory.PartyEntry entry = requireKnownParty(directory, partyCode);
        boolean participant = state.roleOf(partyCode).isPresent();
        boolean departmentOfParticipant = entry.parentCode() != null && state.roleOf(entry.parentCode()).isPresent();
        Rules.require(participant || departmentOfParticipant, "item.responsible-not-party",
                "party " + partyCode + " neither takes part in agreement " + agreementId
                        + " nor belongs to a party that does",
                Map.of("partyCode", partyCode));
    }
}
