package coop.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Tamper evidence for auditors: verify the hash chains and seals, read and make seals, export the whole ledger,
 * and (administrators only) restore an export into an empty ledger.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Integrity: hash chains, seals, verification, export and restore (AUDITOR, ADMIN)")
class IntegrityController {

    public static final String NDJSON = "application/x-ndjson";

    private final AuditLedger ledger;
    private final LedgerSealer sealer;

    public IntegrityController(AuditLedger ledger, LedgerSealer sealer) {
        this.ledger = ledger;
        this.sealer = sealer;
    }

    /** The answer to a seal request: whether a new seal was made, and the newest seal (none on an empty ledger). */
    public record SealResult(boolean sealed, Seal seal) {
    }

    @GetMapping("/verification")
    @Operation(summary = "Verify the whole ledger: every event hash, chain link, sequence and seal",
            description = "Answers {\"verified\":true,\"position\":N,\"events\":n,\"digest\":D,...} where D is the "
                    + "Merkle root over all event hashes, or {\"verified\":false,...,\"broken\":{...}} naming the "
                    + "first broken event or seal and what is wrong with it. AUDITOR and ADMIN only.")
    public VerificationReport verification() throws SQLException {
        return ledger.verify();
    }

    @GetMapping("/seals")
    @Operation(summary = "All seals, oldest first",
            description = "Each seal is the Merkle root over the hashes of all events up to its position, with the "
                    + "number of those events and the root of the seal before it. Keep copies outside the ledger: "
                    + "they prove later what had been recorded. AUDITOR and ADMIN only.")
    public List<Seal> seals() throws SQLException {
        return sealer.seals();
    }

    @PostMapping("/seals")
    @Operation(summary = "Seal now what has been recorded",
            description = "Seals the events recorded up to ledger.audit.seal-settle ago (the scheduler does the same "
                    + "every ledger.audit.seal-interval). 201 with the new seal, or 200 with the newest seal when "
                    + "nothing new was recorded. AUDITOR and ADMIN only; changes no record.")
    @ApiResponse(responseCode = "201", description = "sealed")
    @ApiResponse(responseCode = "200", description = "nothing new to seal")
    public ResponseEntity<SealResult> seal() throws SQLException {
        Optional<Seal> sealed = sealer.seal();
        if (sealed.isPresent()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new SealResult(true, sealed.get()));
        }
        List<Seal> seals = sealer.seals();
        return ResponseEntity.ok(new SealResult(false, seals.isEmpty() ? null : seals.get(seals.size() - 1)));
    }

    // no "produces": a client asking for JSON (or anything) still gets the NDJSON stream rather than 406
    @GetMapping("/export")
    @Operation(summary = "Export the whole ledger as NDJSON, streamed",
            description = "A header line, then one line per event in global-position order (position, "
                    + "aggregateType, aggregateId, sequence, eventId, type, revision, timestamp in UTC, payload and "
                    + "metadata as stored, hash, previousHash), one line per seal, and an end line with the counts "
                    + "and the digest. Restore it with POST /api/audit/restore or `java -jar ledger-app.jar restore`.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = NDJSON,
                    schema = @Schema(type = "string"))))
    public ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> {
            try {
                ledger.export(out);
            } catch (SQLException e) {
                throw new IOException("export failed", e);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-export.ndjson\"")
                .body(body);
    }

    @PostMapping(value = "/restore", consumes = NDJSON)
    @Operation(summary = "Restore an export into this ledger, which must be empty (ADMIN only)",
            description = "Writes every event exactly as exported (positions, ids, timestamps, hashes) and the "
                    + "seals, checking every hash and link while reading; the restored ledger must then verify. "
                    + "409 when the ledger already holds events, 422 when the file does not verify; nothing is "
                    + "written then. Streaming processors find the events from the beginning.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = NDJSON, schema = @Schema(type = "string"))))
    public LedgerRestore.RestoreReport restore(HttpServletRequest request)
            throws SQLException, IOException, RestoreRefusedException {
        return ledger.restore(request.getInputStream(), false);
    }
}
