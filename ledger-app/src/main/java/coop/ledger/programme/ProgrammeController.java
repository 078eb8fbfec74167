package coop.ledger.programme;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.programme.api.FindProgrammeQuery;
import coop.ledger.programme.api.ListServiceItemCommand;
import coop.ledger.programme.state.ProgrammeState;
import coop.ledger.shared.write.CommandSender;
import coop.ledger.shared.web.RecordNotFoundException;
import coop.ledger.shared.web.Responses;
import coop.ledger.shared.web.WriteContext;
import coop.ledger.shared.web.WriteResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public-service programmes (公共服务/政务服务事项): declaration, and the listing and progress of their items. */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Public-service and government-service programmes (公共服务/政务服务事项) "
        + "and their items, planned vs completed")
class ProgrammeController {

    private final CommandSender commands;
    private final QueryGateway queries;

    private final RecordDirectory names;

    public ProgrammeController(CommandSender commands, QueryGateway queries, RecordDirectory names) {
        this.names = names;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Record the declaration of a programme")
    public ResponseEntity<WriteResult> declare(@Valid @RequestBody ProgrammeRequests.Declare body,
                                               WriteContext context) {
        DeclareProgrammeCommand declaration = body.toCommand(context);
        WriteResult result = commands.send(declaration.programmeId(), declaration, context);
        return Responses.created("/api/programmes/" + declaration.programmeId(), result);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Current state of a programme with its item counts, read from its events")
    public ResponseEntity<ProgrammeView> get(@PathVariable String id) {
        ProgrammeState state = queries.query(new FindProgrammeQuery(id),
                        ResponseTypes.optionalInstanceOf(ProgrammeState.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException("programme", id));
        return ResponseEntity.ok().eTag(Responses.eTag(state.version())).body(ProgrammeView.of(state, names));
    }

    @PostMapping("/{id}/items")
    @Operation(summary = "Put an item, or a batch of items, on the programme's list")
    public ResponseEntity<WriteResult> listItem(@PathVariable String id,
                                                @Valid @RequestBody ProgrammeRequests.ListItem body,
                                                WriteContext context) {
        ListServiceItemCommand listing = body.toCommand(id, context);
        WriteResult result = commands.send(id, listing, context);
        return Responses.created("/api/programmes/" + id + "#item-" + listing.itemId(), result);
    }

    @PostMapping("/{id}/items/{itemId}/complete")
    @Operation(summary = "A programme item was completed")
    public ResponseEntity<WriteResult> completeItem(@PathVariable String id, @PathVariable String itemId,
                                                    @Valid @RequestBody ProgrammeRequests.CompleteItem body,
                                                    WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/items/{itemId}/withdraw")
    @Operation(summary = "A programme item was withdrawn from the list")
    public ResponseEntity<WriteResult> withdrawItem(@PathVariable String id, @PathVariable String itemId,
                                                    @Valid @RequestBody ProgrammeRequests.WithdrawItem body,
                                                    WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/items/{itemId}/reopen")
    @Operation(summary = "A programme item recorded as completed is open again")
    public ResponseEntity<WriteResult> reopenItem(@PathVariable String id, @PathVariable String itemId,
                                                  @Valid @RequestBody ProgrammeRequests.ReopenItem body,
                                                  WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/items/{itemId}/corrections")
    @Operation(summary = "Correct the recorded listing of an item (itemCount, targetOn, category), citing the event "
            + "it corrects (correctsSequence; default the listing or its latest correction) and giving the reason")
    public ResponseEntity<WriteResult> correctItem(@PathVariable String id, @PathVariable String itemId,
                                                   @Valid @RequestBody ProgrammeRequests.CorrectItem body,
                                                   WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }
}
