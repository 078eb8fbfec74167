package coop.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A seal: the Merkle root (RFC 9162 tree hash) over the hashes of all {@code events} recorded up to global
 * {@code position}, chained to the root of the seal before it (the first to 64 zeros). Once events are sealed,
 * removing, adding or altering any of them changes the root. A signed seal also names its ledger and the key that
 * signed it, and carries the Ed25519 signature (base64) over its canonical bytes ({@link SealBytes}); seals made
 * before signing existed carry none of the three.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Seal(long position, long events, String root, String previousRoot, Instant sealedAt, String ledgerId,
            String keyId, String signature) {

    /** An unsigned seal (as made before seals were signed). */
    Seal(long position, long events, String root, String previousRoot, Instant sealedAt) {
        this(position, events, root, previousRoot, sealedAt, null, null, null);
    }

    boolean signed() {
        return signature != null;
    }

    Seal signedWith(String ledgerId, SealSigner signer) {
        Seal unsigned = new Seal(position, events, root, previousRoot, sealedAt, ledgerId, signer.keyId(), null);
        return new Seal(position, events, root, previousRoot, sealedAt, ledgerId, signer.keyId(),
                signer.sign(SealBytes.of(unsigned)));
    }
}
