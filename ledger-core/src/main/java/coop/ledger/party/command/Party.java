package coop.ledger.party.command;

import coop.ledger.shared.Provenance;
import coop.ledger.party.api.PartyEvent;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.party.api.RegisterPartyCommand;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.party.state.PartyState;
import coop.ledger.shared.RecordDirectory;
import coop.ledger.shared.RecordIds;
import coop.ledger.shared.RuleViolationException;
import coop.ledger.shared.Rules;
import coop.ledger.shared.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The party aggregate (参与方): decides registrations and renames. The snapshot revision changes whenever its
 * snapshot changes shape (revision 2: plain JSON, no class names): a snapshot of another revision is ignored and
 * the party is folded from its events.
 */
@Revision("2")
public class Party {

    @AggregateIdentifier
    private String code;
    private PartyState state;

    protected Party() {
        // for Axon
    }

    @CommandHandler
    public Party(RegisterPartyCommand cmd, RecordDirectory directory, Clock clock) {
        RecordIds.require(cmd.code(), "code", "party.code-format");
        Rules.requireText(cmd.nameZh(), "nameZh");
        Rules.require(cmd.kind() != null, "field.required", "kind must be given", Map.of("field", "kind"));
        Rules.requireNotFuture(cmd.establishedOn(), "establishedOn", clock);
        checkParent(cmd, directory);
        apply(new PartyRegisteredEvent(cmd.code(), cmd.nameZh().strip(), strip(cmd.nameEn()), cmd.kind(),
                cmd.parentCode(), cmd.establishedOn(), Provenance.normalised(cmd.provenance())));
    }

    private static void checkParent(RegisterPartyCommand cmd, RecordDirectory directory) {
        if (cmd.kind() == PartyKind.DEPARTMENT && cmd.parentCode() == null) {
            throw new RuleViolationException("party.department-needs-parent",
                    "a department belongs to a government: give parentCode", Map.of("code", cmd.code()));
        }
        if (cmd.parentCode() == null) {
            return;
        }
        Rules.require(!cmd.parentCode().equals(cmd.code()), "party.own-parent",
                "a party cannot be its own parent", Map.of("code", cmd.code()));
        Optional<RecordDirectory.PartyEntry> parent = directory.party(cmd.parentCode());
        Rules.require(parent.isPresent(), "party.unknown-parent",
                "parent party " + cmd.parentCode() + " is not registered", Map.of("parentCode", cmd.parentCode()));
        Rules.require(parent.get().kind() != PartyKind.DEPARTMENT, "party.parent-is-department",
                "parent party " + cmd.parentCode() + " is itself a department", Map.of("parentCode", cmd.parentCode()));
    }

    @CommandHandler
    public long handle(RenamePartyCommand cmd, Clock clock) {
        Versions.requireExpected(cmd.expectedVersion());
        Rules.requireText(cmd.nameZh(), "nameZh");
        Rules.require(cmd.effectiveOn() != null, "field.required", "effectiveOn must be given",
                Map.of("field", "effectiveOn"));
        Rules.requireNotFuture(cmd.effectiveOn(), "effectiveOn", clock);
        Rules.require(!(cmd.nameZh().strip().equals(state.nameZh()) && Objects.equals(strip(cmd.nameEn()), state.nameEn())),
                "party.name-unchanged", "the new name equals the current name " + state.nameZh(),
                Map.of("nameZh", state.nameZh()));
        if (state.establishedOn() != null) {
            Rules.require(!cmd.effectiveOn().isBefore(state.establishedOn()), "business-date.before-start",
                    "effectiveOn " + cmd.effectiveOn() + " is before the party was established on "
                            + state.establishedOn(),
                    Map.of("effectiveOn", cmd.effectiveOn().toString(), "establishedOn", state.establishedOn().toString()));
        }
        if (!state.formerNames().isEmpty()) {
            LocalDate lastRename = state.formerNames().get(state.formerNames().size() - 1).until();
            Rules.require(!cmd.effectiveOn().isBefore(lastRename), "party.rename-before-previous",
                    "effectiveOn " + cmd.effectiveOn() + " is before the previous rename on " + lastRename,
                    Map.of("effectiveOn", cmd.effectiveOn().toString(), "previousRename", lastRename.toString()));
        }
        apply(new PartyRenamedEvent(code, state.nameZh(), state.nameEn(), cmd.nameZh().strip(), strip(cmd.nameEn()),
                cmd.effectiveOn(), cmd.reason()));
        return Versions.current();
    }

    @EventSourcingHandler
    void on(PartyEvent event) {
        code = event.code();
        // The same fold readers use, keeping only what the rules look back at: loading stays flat as renames pile up.
        state = PartyState.fold(state, event).withNewestFormerNameOnly();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
