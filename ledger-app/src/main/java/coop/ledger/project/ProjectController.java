package coop.ledger.project;

import coop.ledger.shared.RecordDirectory;
import coop.ledger.project.api.FindProjectQuery;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.project.state.ProjectState;
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

/** Signed projects (签约项目): signing or intention, firm-up, construction, completion, cancellation, investment. */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects", description = "Signed projects (签约项目), their milestones and actual investment")
class ProjectController {

    private final CommandSender commands;
    private final QueryGateway queries;

    private final RecordDirectory names;

    public ProjectController(CommandSender commands, QueryGateway queries, RecordDirectory names) {
        this.names = names;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Record the signing of a project, or of an intention (意向性协议)")
    public ResponseEntity<WriteResult> sign(@Valid @RequestBody ProjectRequests.Sign body, WriteContext context) {
        SignProjectCommand signing = body.toCommand(context);
        WriteResult result = commands.send(signing.projectId(), signing, context);
        return Responses.created("/api/projects/" + signing.projectId(), result);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Current state of a project, read from its events")
    public ResponseEntity<ProjectView> get(@PathVariable String id) {
        ProjectState state = queries.query(new FindProjectQuery(id),
                        ResponseTypes.optionalInstanceOf(ProjectState.class))
                .join()
                .orElseThrow(() -> new RecordNotFoundException("project", id));
        return ResponseEntity.ok().eTag(Responses.eTag(state.version())).body(ProjectView.of(state, names));
    }

    @PostMapping("/{id}/firm-up")
    @Operation(summary = "An intention became a signed project")
    public ResponseEntity<WriteResult> firmUp(@PathVariable String id, @Valid @RequestBody ProjectRequests.FirmUp body,
                                              WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Construction of the project started (开工)")
    public ResponseEntity<WriteResult> start(@PathVariable String id, @Valid @RequestBody ProjectRequests.Start body,
                                             WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "The project was completed and is in operation (建成投用)")
    public ResponseEntity<WriteResult> complete(@PathVariable String id,
                                                @Valid @RequestBody ProjectRequests.Complete body,
                                                WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "The project was cancelled")
    public ResponseEntity<WriteResult> cancel(@PathVariable String id, @Valid @RequestBody ProjectRequests.Cancel body,
                                              WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/investments")
    @Operation(summary = "Actual investment (实际投资) made since the previous report")
    public ResponseEntity<WriteResult> reportInvestment(@PathVariable String id,
                                                        @Valid @RequestBody ProjectRequests.Investment body,
                                                        WriteContext context) {
        ReportInvestmentCommand report = body.toCommand(id, context);
        WriteResult result = commands.send(id, report, context);
        return Responses.created("/api/projects/" + id + "#investment-" + report.reportId(), result);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct the recorded signing of a project (agreedInvestment, signedOn, hostParties, "
            + "investors, occasion, domain, projectCount), citing the event it corrects (correctsSequence; default "
            + "the signing or its latest correction) and giving the reason")
    public ResponseEntity<WriteResult> correct(@PathVariable String id,
                                               @Valid @RequestBody ProjectRequests.Correct body,
                                               WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, context), context));
    }

    @PostMapping("/{id}/investments/{reportId}/corrections")
    @Operation(summary = "Correct a report of actual investment (amount, reportedOn), citing the event it corrects "
            + "(correctsSequence; default the latest event of the report) and giving the reason")
    public ResponseEntity<WriteResult> correctInvestment(@PathVariable String id, @PathVariable String reportId,
                                                         @Valid @RequestBody ProjectRequests.CorrectInvestment body,
                                                         WriteContext context) {
        return Responses.updated(commands.send(id, body.toCommand(id, reportId, context), context));
    }
}
