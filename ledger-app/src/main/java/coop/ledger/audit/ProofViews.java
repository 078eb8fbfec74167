package coop.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What the proof endpoints answer; the byte formats are in docs/auditors-proofs.md. */
final class ProofViews {

    static final String PROOF_FORMAT = "cooperation-ledger-proof/1";

    private ProofViews() {
    }

    /** The seal-signing public key: PEM (X.509 SubjectPublicKeyInfo), SHA-256 fingerprint of its DER, key id. */
    record PublicKeyView(String algorithm, String keyId, String fingerprint, String pem) {

        static PublicKeyView of(SealKey key) {
            return new PublicKeyView(SealKey.ALGORITHM, key.keyId(), key.fingerprint(), key.pem());
        }
    }

    /**
     * One event exactly as stored (payload and metadata bytes in base64, timestamp text as stored) with its hash
     * and link; for a sealed event also its leaf index in the seal's tree and its audit path (hex, leaf upwards).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProvenEvent(long position, Long leafIndex, String aggregateType, String aggregateId, long sequence,
                       String eventId, String type, String revision, String timestamp, String payloadBase64,
                       String metadataBase64, String hash, String previousHash, List<String> auditPath) {
    }

    /** RFC 9162 consistency proof (hex) from the tree of seal {@code from} to that of seal {@code to}. */
    record ConsistencyProof(Seal from, Seal to, List<String> proof) {
    }

    /**
     * A record's inclusion proof: its events up to the seal with their audit paths to the seal's root, the signed
     * seal, the events recorded since (not yet sealed), and on request the consistency proof from a seal an auditor
     * kept to this one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecordProof(String format, String recordId, Seal seal, List<ProvenEvent> events,
                       List<ProvenEvent> notYetSealed, ConsistencyProof consistency) {
    }

    /** One way the ledger fails to extend a kept seal, and where. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeptSealProblem(String problem, Long position, String aggregateId, Long sequence, String detail) {
    }

    /**
     * The check of a kept seal: whether the ledger's history still extends it, the kept seal's signature
     * ({@code valid}, {@code invalid}, {@code unsigned} or {@code unknown-key}), the ledger's own seal at that
     * position, what is wrong, and the verification of the whole ledger.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeptSealCheck(boolean extended, String signature, Seal kept, Seal ledgerSeal,
                         List<KeptSealProblem> problems, VerificationReport verification) {
    }
}
