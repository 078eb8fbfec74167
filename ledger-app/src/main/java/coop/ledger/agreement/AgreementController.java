package coop.ledger.agreement;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.agreement.api.FindAgreementQuery;
import coop.ledger.agreement.api.ListCooperationItemCommand;
import coop.ledger.agreement.api.RecordPaymentCommand;
import coop.ledger.agreement.api.SignAgreementCommand;
import coop.ledger.agreement.state.AgreementState;
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

/** Cooperation agreements (合作协议): signing, participants, cooperation list, amendments, closure, payments. */
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "Agreements", description = "Cooperation agreements (合作协议) and their cooperation lists (合作清单)")
class AgreementController {

    private final CommandSender commands;
    private final QueryGateway queries;

    private final RecordDirectory names;

    public AgreementController(CommandSender commands, QueryGateway queries, RecordDirectory names) {
        this.names = names;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Record the signing of an agreement")
    public ResponseEntity<WriteResult> sign(@Valid @RequestBody AgreementRequests.Sign body, WriteContext context) {
        SignAgreementCommand signing = body.toCommand(context);
        WriteResult result = commands.send(signing.agreementId(), signing, context);
        return Responses.created("/api/agreements/" + signing.agreementId(), result);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Current state of an agreement, read from its events")
    public ResponseEntity<AgreementView> get(@PathVariable String id) {
        AgreementState state = queries.query(new FindAgreementQuery(id),
                        ResponseTypes.optionalInstanceOf(AgreementState.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException("agreement", id));
        return ResponseEntity.ok().eTag(Responses.eTag(state.version())).body(AgreementView.of(state, names));
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "A party joins the agreement as signatory or observer")
    public ResponseEntity<WriteResult> join(@PathVariable String id, @Valid @RequestBody AgreementRequests.Join body,
                                            WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/participants/{partyCode}/promotion")
    @Operation(summary = "An observer becomes a signatory")
    public ResponseEntity<WriteResult> promote(@PathVariable String id, @PathVariable String partyCode,
                                               @Valid @RequestBody AgreementRequests.Promote body, WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, partyCode, context), context));
    }

    @PostMapping("/{id}/items")
    @Operation(summary = "Add an item to the cooperation list (合作清单)")
    public ResponseEntity<WriteResult> listItem(@PathVariable String id,
                                                @Valid @RequestBody AgreementRequests.ListItem body,
                                                WriteContext context) {
        ListCooperationItemCommand listing = body.toCommand(id, context);
        WriteResult result = commands.send(id, listing, context);
        return Responses.created("/api/agreements/" + id + "#item-" + listing.itemId(), result);
    }

    @PostMapping("/{id}/items/{itemId}/start")
    @Operation(summary = "Work on a cooperation item began")
    public ResponseEntity<WriteResult> startItem(@PathVariable String id, @PathVariable String itemId,
                                                 @Valid @RequestBody AgreementRequests.StartItem body,
                                                 WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/items/{itemId}/complete")
    @Operation(summary = "A cooperation item was completed")
    public ResponseEntity<WriteResult> completeItem(@PathVariable String id, @PathVariable String itemId,
                                                    @Valid @RequestBody AgreementRequests.CompleteItem body,
                                                    WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/items/{itemId}/drop")
    @Operation(summary = "A cooperation item was dropped")
    public ResponseEntity<WriteResult> dropItem(@PathVariable String id, @PathVariable String itemId,
                                                @Valid @RequestBody AgreementRequests.DropItem body,
                                                WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, itemId, context), context));
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "The agreement was amended: what changed and why")
    public ResponseEntity<WriteResult> amend(@PathVariable String id, @Valid @RequestBody AgreementRequests.Amend body,
                                             WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/supersession")
    @Operation(summary = "The agreement was superseded by another recorded agreement")
    public ResponseEntity<WriteResult> supersede(@PathVariable String id,
                                                 @Valid @RequestBody AgreementRequests.Supersede body,
                                                 WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/expiry")
    @Operation(summary = "The agreement reached the end of its term")
    public ResponseEntity<WriteResult> expire(@PathVariable String id, @Valid @RequestBody AgreementRequests.Expire body,
                                              WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "The agreement was terminated before its term")
    public ResponseEntity<WriteResult> terminate(@PathVariable String id,
                                                 @Valid @RequestBody AgreementRequests.Terminate body,
                                                 WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "A compensation or fund payment under the agreement")
    public ResponseEntity<WriteResult> recordPayment(@PathVariable String id,
                                                     @Valid @RequestBody AgreementRequests.Payment body,
                                                     WriteContext context) {
        RecordPaymentCommand payment = body.toCommand(id, context);
        WriteResult result = commands.send(id, payment, context);
        return Responses.created("/api/agreements/" + id + "#payment-" + payment.paymentId(), result);
    }

    @PostMapping("/{id}/payments/{paymentId}/corrections")
    @Operation(summary = "Correct a mis-recorded payment (amount, paidOn, payer, payee), citing the event it corrects "
            + "(correctsSequence; default the latest event of the payment) and giving the reason")
    public ResponseEntity<WriteResult> correctPayment(@PathVariable String id, @PathVariable String paymentId,
                                                      @Valid @RequestBody AgreementRequests.CorrectPayment body,
                                                      WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, paymentId, context), context));
    }

    @PostMapping("/{id}/signing/corrections")
    @Operation(summary = "Correct the recorded signing (signedOn, place, occasion, title), citing the event it "
            + "corrects (correctsSequence; default the signing or its latest correction) and giving the reason")
    public ResponseEntity<WriteResult> correctSigning(@PathVariable String id,
                                                      @Valid @RequestBody AgreementRequests.CorrectSigning body,
                                                      WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }
}
