package coop.ledger.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the verifier found. Verified: the last position, the number of events, their digest (the Merkle root over
 * all event hashes, equal to the root a seal at that position would have) and the seals checked. Broken: the
 * events checked before the first problem, and that problem.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(boolean verified, long position, long events, String digest, int seals,
                                 Long sealedUpTo, Broken broken, Boolean signaturesChecked, Long unsignedSeals) {

    static VerificationReport verified(long position, long events, String digest, int seals, Long sealedUpTo) {
        return new VerificationReport(true, position, events, digest, seals, sealedUpTo, null, null, null);
    }

    static VerificationReport broken(long position, long events, int seals, Broken broken) {
        return new VerificationReport(false, position, events, null, seals, null, broken, null, null);
    }

    /**
     * Whether the seals' signatures were checked against trusted keys, and how many seals carry none (those made
     * before signing existed; an auditor expects the number never to grow).
     */
    VerificationReport withSignatures(boolean checked, Long unsigned) {
        return new VerificationReport(verified, position, events, digest, seals, sealedUpTo, broken, checked,
                unsigned);
    }

    /**
     * The first thing found wrong: where (global position, record, sequence, event id; for a seal its position) and
     * what: {@code hash-mismatch}, {@code missing-hash}, {@code broken-link}, {@code missing-event},
     * {@code extra-event}, {@code out-of-order}, {@code seal-mismatch}, {@code seal-chain-broken} or
     * {@code seal-signature-invalid}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Broken(Long position, String aggregateId, Long sequence, String eventId, String problem,
                         String detail) {
    }
}
