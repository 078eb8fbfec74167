package coop.ledger.audit;

import coop.ledger.audit.ProofViews.ConsistencyProof;
import coop.ledger.audit.ProofViews.KeptSealCheck;
import coop.ledger.audit.ProofViews.PublicKeyView;
import coop.ledger.audit.ProofViews.RecordProof;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;

/**
 * Proofs an auditor can hold: the seal-signing public key, a record's inclusion proof, the consistency proof between
 * two seals, and the check of a seal the auditor kept. Byte formats: docs/auditors-proofs.md.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Integrity: hash chains, seals, verification, export and restore (AUDITOR, ADMIN)")
class ProofController {

    private static final String PROBLEM = "application/problem+json";

    private final LedgerProofs proofs;
    private final SealSigner signer;
    private final AuditLedger ledger;

    ProofController(LedgerProofs proofs, SealSigner signer, AuditLedger ledger) {
        this.proofs = proofs;
        this.signer = signer;
        this.ledger = ledger;
    }

    @GetMapping("/public-key")
    @Operation(summary = "The public key that signs the seals",
            description = "Ed25519, as PEM (X.509 SubjectPublicKeyInfo), with its SHA-256 fingerprint and the key id "
                    + "every seal it signs carries. Fetch it once, check the fingerprint out of band, and verify "
                    + "proofs offline with it. AUDITOR and ADMIN only.")
    public PublicKeyView publicKey() {
        return PublicKeyView.of(signer.publicKey());
    }

    @GetMapping("/records/{id}/proof")
    @Operation(summary = "A record's events with their inclusion proofs against a signed seal",
            description = "The record's events exactly as stored (payload and metadata bytes in base64, hashes, "
                    + "positions), each sealed one with its leaf index and RFC 9162 audit path to the seal's root, "
                    + "the signed seal, and the events recorded since (notYetSealed). With keptSeal, also the "
                    + "consistency proof from that seal to this one. Verify it offline with "
                    + "`java -jar ledger-app.jar verify-proof`. AUDITOR and ADMIN only.")
    @ApiResponse(responseCode = "200", description = "the proof")
    @ApiResponse(responseCode = "400", description = "seal or keptSeal names no seal",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no record with this id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the stored events no longer form the sealed tree",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public RecordProof recordProof(@PathVariable String id,
                                   @Parameter(description = "position of the seal to prove against (default: the "
                                           + "newest seal)") @RequestParam(required = false) Long seal,
                                   @Parameter(description = "position of a seal the auditor kept: adds the "
                                           + "consistency proof from it") @RequestParam(required = false) Long keptSeal)
            throws SQLException {
        return proofs.recordProof(id, seal, keptSeal);
    }

    @GetMapping("/seals/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two seals",
            description = "Proves that the tree of the seal ending at position `to` extends the tree of the seal "
                    + "ending at position `from`: both seals and the proof hashes (hex). AUDITOR and ADMIN only.")
    @ApiResponse(responseCode = "200", description = "the proof")
    @ApiResponse(responseCode = "400", description = "from or to names no seal, or from comes after to",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public ConsistencyProof consistency(
            @Parameter(description = "position of the older seal") @RequestParam long from,
            @Parameter(description = "position of the newer seal") @RequestParam long to) throws SQLException {
        return proofs.consistency(from, to);
    }

    @PostMapping("/verification")
    @Operation(summary = "Check a seal an auditor kept against today's history",
            description = "Send one seal exactly as GET /api/audit/seals gave it. Answers extended=true when the "
                    + "kept seal's signature holds and the events up to its position still give its root and count; "
                    + "otherwise the problems name what changed (kept-seal-signature-invalid, kept-seal-missing, "
                    + "kept-seal-differs, events-removed, events-inserted, sealed-range-rewritten, or the first "
                    + "broken event). Includes the verification of the whole ledger. Changes nothing. AUDITOR and "
                    + "ADMIN only.")
    @ApiResponse(responseCode = "200", description = "the check")
    @ApiResponse(responseCode = "400", description = "the body is not a seal (the field is named)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public KeptSealCheck checkKeptSeal(@RequestBody Seal kept) throws SQLException {
        return proofs.checkKept(kept, ledger.verify());
    }
}
