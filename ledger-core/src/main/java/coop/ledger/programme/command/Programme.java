package coop.ledger.programme.command;

import coop.ledger.shared.Provenance;
import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.CorrectServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.programme.api.ListServiceItemCommand;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ProgrammeEvent;
import coop.ledger.programme.api.ReopenServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemStatus;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.programme.api.WithdrawServiceItemCommand;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.programme.state.ProgrammeState.ServiceItem;
import coop.ledger.shared.Corrections;
import coop.ledger.shared.FoldedState;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.RecordHistory;
import coop.ledger.shared.RecordIds;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static coop.ledger.shared.Rules.blankToNull;
import static coop.ledger.shared.Rules.requireKnownParty;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The public-service programme aggregate (公共服务/政务服务事项清单): decides its declaration and the listing,
 * completion, withdrawal and reopening of its items. Every refusal names its rule and the values involved.
 * <p>
 * It keeps its state and the few facts about its past that corrections decide on, never its history, so it loads
 * from its latest snapshot as fast with ten thousand events as with ten. The snapshot revision changes whenever
 * these fields change shape: a snapshot of another revision is ignored and the programme is folded from its events.
 */
@Revision("2")
public class Programme implements FoldedState<ProgrammeState> {

    /** A year ("2021") or a span of years ("2020-2022"). */
    private static final Pattern PERIOD = Pattern.compile("([0-9]{4})(?:-([0-9]{4}))?");

    @AggregateIdentifier
    private String programmeId;
    private ProgrammeState state;
    /** Per item id, the sequence number of the latest event that recorded the item's listing or corrected it. */
    private final Map<String, Long> listingCitations = new HashMap<>();

    protected Programme() {
        // for Axon
    }

    @CommandHandler
    public Programme(DeclareProgrammeCommand cmd, RecordDirectory directory, Clock clock) {
        RecordIds.require(cmd.programmeId(), "programmeId", "programme.id-format");
        Rules.requireText(cmd.name(), "name");
        Rules.require(cmd.declaredOn() != null, "field.required", "declaredOn must be given",
                Map.of("field", "declaredOn"));
        Rules.requireNotFuture(cmd.declaredOn(), "declaredOn", clock);
        Rules.requireText(cmd.period(), "period");
        String period = cmd.period().strip();
        requirePeriod(period);
        List<String> participants = cmd.participants() == null ? List.of() : cmd.participants();
        Rules.requireDistinctValues(participants, "participants", "programme.duplicate-party");
        Rules.require(!participants.isEmpty(), "programme.no-participants",
                "a programme needs at least one participant", Map.of("participants", participants));
        participants.forEach(p -> requireKnownParty(directory, p));
        List<String> categories = cmd.categories() == null ? List.of()
                : cmd.categories().stream().map(c -> c == null ? null : c.strip()).toList();
        Rules.requireDistinctValues(categories, "categories", "programme.duplicate-category");
        apply(new ProgrammeDeclaredEvent(cmd.programmeId(), cmd.name().strip(), List.copyOf(participants), period,
                List.copyOf(categories), cmd.declaredOn(), blankToNull(cmd.note()),
                Provenance.normalised(cmd.provenance())));
    }

    @CommandHandler
    public long handle(ListServiceItemCommand cmd, RecordDirectory directory, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        RecordIds.require(cmd.itemId(), "itemId", "item.id-format");
        Rules.require(state.item(cmd.itemId()).isEmpty(), "item.duplicate",
                "item " + cmd.itemId() + " is already on the list of programme " + programmeId,
                Map.of("itemId", cmd.itemId()));
        Rules.requireText(cmd.name(), "name");
        String category = blankToNull(cmd.category());
        if (!state.categories().isEmpty()) {
            Rules.require(category != null && state.categories().contains(category), "item.unknown-category",
                    "item category " + category + " is not one of the programme's categories " + state.categories(),
                    Map.of("category", String.valueOf(category), "categories", state.categories()));
        }
        List<String> responsible = cmd.responsibleParties() == null ? List.of() : cmd.responsibleParties();
        Rules.requireDistinctValues(responsible, "responsibleParties", "programme.duplicate-party");
        for (String party : responsible) {
            requireResponsibleParty(directory, party);
        }
        int itemCount = cmd.itemCount() == null ? 1 : cmd.itemCount();
        Rules.require(itemCount >= 1, "item.count-not-positive",
                "itemCount must be 1 or more, got " + itemCount, Map.of("itemCount", itemCount));
        requireBusinessDate(cmd.listedOn(), "listedOn", clock);
        if (cmd.targetOn() != null) {
            Rules.require(!cmd.targetOn().isBefore(cmd.listedOn()), "item.target-before-listed",
                    "target date " + cmd.targetOn() + " is before the listing date " + cmd.listedOn(),
                    Map.of("targetOn", cmd.targetOn().toString(), "listedOn", cmd.listedOn().toString()));
        }
        boolean listSizeUnknown = Boolean.TRUE.equals(cmd.listSizeUnknown());
        // an item added outside the list (清单外新增) is not part of the list whose size is unknown
        Rules.require(!listSizeUnknown || !Boolean.TRUE.equals(cmd.addedLater()), "item.added-later-list-size",
                "an item added later is outside the list, so it cannot stand for a list of unknown size",
                Map.of("field", "listSizeUnknown"));
        apply(new ServiceItemListedEvent(programmeId, cmd.itemId(), cmd.name().strip(), category,
                List.copyOf(responsible), cmd.targetOn(), Boolean.TRUE.equals(cmd.addedLater()), itemCount,
                cmd.listedOn(), blankToNull(cmd.note()), listSizeUnknown ? true : null));
        return Versions.current();
    }

    @CommandHandler
    public long handle(CompleteServiceItemCommand cmd, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        ServiceItem item = listedItem(cmd.itemId());
        Rules.require(item.status() != ServiceItemStatus.COMPLETED, "item.already-completed",
                "item " + item.itemId() + " was already completed on " + item.completedOn(),
                Map.of("itemId", item.itemId(), "completedOn", String.valueOf(item.completedOn())));
        requireNotWithdrawn(item);
        Rules.requireText(cmd.evidence(), "evidence");
        requireItemDate(item, cmd.completedOn(), "completedOn", clock);
        apply(new ServiceItemCompletedEvent(programmeId, item.itemId(), cmd.completedOn(), cmd.evidence().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(WithdrawServiceItemCommand cmd, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        ServiceItem item = listedItem(cmd.itemId());
        requireNotWithdrawn(item);
        Rules.requireText(cmd.reason(), "reason");
        requireItemDate(item, cmd.withdrawnOn(), "withdrawnOn", clock);
        apply(new ServiceItemWithdrawnEvent(programmeId, item.itemId(), cmd.withdrawnOn(), cmd.reason().strip()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ReopenServiceItemCommand cmd, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        ServiceItem item = listedItem(cmd.itemId());
        Rules.require(item.status() == ServiceItemStatus.COMPLETED, "item.not-completed",
                "item " + item.itemId() + " is " + item.status().en() + ", not completed: only a completed item "
                        + "can be reopened",
                Map.of("itemId", item.itemId(), "status", item.status().name()));
        Rules.requireText(cmd.reason(), "reason");
        requireItemDate(item, cmd.reopenedOn(), "reopenedOn", clock);
        apply(new ServiceItemReopenedEvent(programmeId, item.itemId(), cmd.reopenedOn(), cmd.reason().strip()));
        return Versions.current();
    }

    /**
     * Corrects the recorded listing of an item: its count, target date or category. Allowed whatever the item's
     * status; the corrected values obey the rules of a listing.
     */
    @CommandHandler
    public long handle(CorrectServiceItemCommand cmd, RecordHistory history, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        ServiceItem item = listedItem(cmd.itemId());
        long cited = Corrections.citation(history, programmeId, state.version(), cmd.correctsSequence(),
                listingCitations.get(item.itemId()),
                e -> e instanceof ServiceItemListedEvent l && l.itemId().equals(item.itemId())
                        || e instanceof ServiceItemCorrectedEvent c && c.itemId().equals(item.itemId()),
                "the listing of item " + item.itemId());
        String reason = Corrections.requireReason(cmd.reason());
        Integer itemCount = Corrections.changed(cmd.itemCount(), item.itemCount());
        LocalDate targetOn = Corrections.changed(cmd.targetOn(), item.targetOn());
        String category = Corrections.changed(blankToNull(cmd.category()), item.category());
        Corrections.requireSomeChange(itemCount, targetOn, category);
        if (itemCount != null) {
            Rules.require(itemCount >= 1, "item.count-not-positive",
                    "itemCount must be 1 or more, got " + itemCount, Map.of("itemCount", itemCount));
        }
        if (targetOn != null) {
            Rules.require(!targetOn.isBefore(item.listedOn()), "item.target-before-listed",
                    "target date " + targetOn + " is before the listing date " + item.listedOn(),
                    Map.of("targetOn", targetOn.toString(), "listedOn", item.listedOn().toString()));
        }
        if (category != null) {
            Rules.require(state.categories().isEmpty() || state.categories().contains(category),
                    "item.unknown-category",
                    "item category " + category + " is not one of the programme's categories " + state.categories(),
                    Map.of("category", category, "categories", state.categories()));
        }
        apply(new ServiceItemCorrectedEvent(programmeId, item.itemId(), cited, itemCount, targetOn, category, reason,
                item.listedOn()));
        return Versions.current();
    }

    @EventSourcingHandler
    void on(ProgrammeEvent event, @SequenceNumber long sequence) {
        programmeId = event.programmeId();
        state = ProgrammeState.fold(state, event);
        if (event instanceof ServiceItemListedEvent e) {
            listingCitations.put(e.itemId(), sequence);
        } else if (event instanceof ServiceItemCorrectedEvent e) {
            listingCitations.put(e.itemId(), sequence);
        }
    }

    @Override
    public ProgrammeState foldedState() {
        return state;
    }

    /** "2021" or "2020-2022", the start not after the end. */
    private static void requirePeriod(String period) {
        Matcher m = PERIOD.matcher(period);
        boolean valid = m.matches() && (m.group(2) == null || m.group(1).compareTo(m.group(2)) <= 0);
        Rules.require(valid, "programme.period-format",
                "period must be a year such as 2021 or a span such as 2020-2022 with the start not after the end, "
                        + "got " + period,
                Map.of("period", period));
    }

    /** A business date must be given, not in the future, and not before the programme was declared. */
    private void requireBusinessDate(LocalDate date, String field, Clock clock) {
        Rules.require(date != null, "field.required", field + " must be given", Map.of("field", field));
        Rules.requireNotFuture(date, field, clock);
        Rules.require(!date.isBefore(state.declaredOn()), "business-date.before-declaration",
                field + " " + date + " is before the programme was declared on " + state.declaredOn(),
                Map.of("field", field, "date", date.toString(), "declaredOn", state.declaredOn().toString()));
    }

    /** An item's progress cannot be dated before its latest step (listing, completion or reopening). */
    private void requireItemDate(ServiceItem item, LocalDate date, String field, Clock clock) {
        requireBusinessDate(date, field, clock);
        LocalDate previous = item.lastStepOn();
        Rules.require(!date.isBefore(previous), "item.date-before-previous-step",
                field + " " + date + " is before the latest step of item " + item.itemId() + " on " + previous,
                Map.of("field", field, "date", date.toString(), "previous", previous.toString()));
    }

    private ServiceItem listedItem(String itemId) {
        return state.item(itemId).orElseThrow(() -> new UnknownRecordException("item.not-listed",
                "item " + itemId + " is not on the list of programme " + programmeId,
                Map.of("programmeId", programmeId, "itemId", String.valueOf(itemId))));
    }

    private static void requireNotWithdrawn(ServiceItem item) {
        Rules.require(item.status() != ServiceItemStatus.WITHDRAWN, "item.withdrawn",
                "item " + item.itemId() + " was withdrawn on " + item.withdrawnOn(),
                Map.of("itemId", item.itemId(), "withdrawnOn", String.valueOf(item.withdrawnOn())));
    }

    /** Responsible for an item: a participant of the programme, or a department of one (e.g. its 医保局). */
    private void requireResponsibleParty(RecordDirectory directory, String partyCode) {
        RecordDirectory.PartyEntry entry = requireKnownParty(directory, partyCode);
        boolean participant = state.participants().contains(partyCode);
        boolean departmentOfParticipant = entry.parentCode() != null
                && state.participants().contains(entry.parentCode());
        Rules.require(participant || departmentOfParticipant, "item.responsible-not-party",
                "party " + partyCode + " neither takes part in programme " + programmeId
                        + " nor belongs to a party that does",
                Map.of("partyCode", partyCode));
    }
}
