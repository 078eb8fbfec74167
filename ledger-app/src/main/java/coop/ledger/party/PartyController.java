package coop.ledger.party;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.party.api.FindPartyQuery;
import coop.ledger.party.state.PartyState;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** Parties (参与方): register, rename, read. */
@RestController
@RequestMapping("/api/parties")
@Tag(name = "Parties", description = "Governments, departments, enterprises and alliances (参与方)")
class PartyController {

    private final CommandSender commands;
    private final QueryGateway queries;

    private final RecordDirectory names;

    public PartyController(CommandSender commands, QueryGateway queries, RecordDirectory names) {
        this.names = names;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Register a party")
    public ResponseEntity<WriteResult> register(@Valid @RequestBody PartyRequests.Register body, WriteContext context) {
        WriteResult result = commands.send(body.code(), body.toCommand(), context);
        return Responses.created("/api/parties/" + result.id(), result);
    }

    @PutMapping("/{code}/name")
    @Operation(summary = "Rename a party from a date on; the old name stays in its history")
    public ResponseEntity<WriteResult> rename(@PathVariable String code, @Valid @RequestBody PartyRequests.Rename body,
                                              WriteContext context) {
        return Responses.updated(commands.send(code, body.toCommand(code, context), context));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Current state of a party, read from its events")
    public ResponseEntity<PartyView> get(@PathVariable String code) {
        PartyState state = queries.query(new FindPartyQuery(code), ResponseTypes.optionalInstanceOf(PartyState.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException("party", code));
        return ResponseEntity.ok().eTag(Responses.eTag(state.version())).body(PartyView.of(state, names));
    }
}
