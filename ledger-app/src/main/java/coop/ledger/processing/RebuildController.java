package coop.ledger.processing;

import coop.ledger.shared.web.ProblemHandling;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;

/** Rebuilds the dashboard projections from the events, for auditors and administrators. */
@RestController
@Tag(name = "Audit")
class RebuildController {

    private final ProjectionRebuild rebuild;

    public RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/audit/rebuild")
    @Operation(summary = "Rebuild every dashboard table from the events (reset the projections and replay)",
            description = "Returns 202 with the first progress; 409 while a rebuild already runs, on this node or on "
                    + "another node of the cluster. Queries keep answering meanwhile, with partial figures; "
                    + "/api/summary says \"rebuilding\": true. On a cluster the other nodes keep reading and "
                    + "writing: they release the processor's segments to this node and claim them again after.")
    public ResponseEntity<?> start(Principal principal) {
        return rebuild.start(principal == null ? null : principal.getName())
                .<ResponseEntity<?>>map(p -> ResponseEntity.accepted().body(p))
                .orElseGet(() -> {
                    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            "a rebuild of the projections is already running: follow it at GET /api/audit/rebuild");
                    p.setType(URI.create(ProblemHandling.TYPE_PREFIX + "rebuild-running"));
                    p.setTitle("Rebuild running");
                    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(p);
                });
    }

    @GetMapping("/api/audit/rebuild")
    @Operation(summary = "Progress of the last rebuild: state (idle, running, done, failed), events done and total "
            + "(global positions; total is the head when it started), rate in events/s, ETA in seconds, times, "
            + "and the node that runs it (on a cluster, any node shows a rebuild another node runs)")
    public ProjectionRebuild.Progress progress() {
        return rebuild.progress();
    }
}
