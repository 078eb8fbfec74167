package coop.ledger.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks the whole ledger on one JDBC connection, in one pass in global-position order: every event's hash, every
 * link of every record's chain, the sequence numbers of every record, and every seal (its Merkle root and event
 * count over the events up to its position, and its link to the seal before). Plain JDBC, so the HTTP endpoint and
 * the jar's {@code verify} mode (on a copy of the store, without the application) run exactly this code.
 * <p>
 * With the trusted public keys, every seal's signature is checked too: a signed seal must carry a valid signature of
 * a trusted key, and once one seal is signed every later seal must be (seals made before signing existed stay
 * unsigned facts; the report counts them). Without keys (the no-argument constructor) signatures are not checked and
 * the report says so.
 */
public final class LedgerVerifier {

    private static final int FETCH_SIZE = 500;

    private final SealKeys keys;

    /** A verifier that checks everything but the seals' signatures (it has no key to check them with). */
    public LedgerVerifier() {
        this(null);
    }

    LedgerVerifier(SealKeys keys) {
        this.keys = keys;
    }

    public VerificationReport verify(Connection connection) throws SQLException {
        List<Seal> seals = SealStore.all(connection);
        ChainCheck chain = new ChainCheck();
        MerkleRoot merkle = new MerkleRoot();
        int nextSeal = 0;
        long position = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry ORDER BY global_index")) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = StoredEvent.read(rs);
                    while (nextSeal < seals.size() && seals.get(nextSeal).position() < event.position()) {
                        VerificationReport.Broken broken = checkSeal(seals, nextSeal, merkle);
                        if (broken != null) {
                            return VerificationReport.broken(position, merkle.count(), nextSeal, broken);
                        }
                        nextSeal++;
                    }
                    VerificationReport.Broken broken = chain.accept(event);
                    if (broken != null) {
                        return VerificationReport.broken(position, merkle.count(), nextSeal, broken);
                    }
                    merkle.add(event.hash());
                    position = event.position();
                }
            }
        }
        for (; nextSeal < seals.size(); nextSeal++) {
            VerificationReport.Broken broken = checkSeal(seals, nextSeal, merkle);
            if (broken != null) {
                return VerificationReport.broken(position, merkle.count(), nextSeal, broken);
            }
        }
        Long sealedUpTo = seals.isEmpty() ? null : seals.get(seals.size() - 1).position();
        return VerificationReport.verified(position, merkle.count(), merkle.root(), seals.size(), sealedUpTo)
                .withSignatures(keys != null, keys == null ? null : seals.stream().filter(s -> !s.signed()).count());
    }

    /** Seal {@code index} against the events read so far, which are exactly those up to its position. */
    private VerificationReport.Broken checkSeal(List<Seal> seals, int index, MerkleRoot merkle) {
        Seal seal = seals.get(index);
        if (keys != null) {
            boolean signedBefore = seals.subList(0, index).stream().anyMatch(Seal::signed);
            if (seal.signed() && !keys.signed(seal)) {
                return sealProblem(seal, "seal-signature-invalid", keys.knows(seal.keyId())
                        ? "the seal's signature does not hold for its content (the seal was altered or forged)"
                        : "the seal names key " + seal.keyId() + ", which is not a trusted key of this ledger");
            }
            if (!seal.signed() && signedBefore) {
                return sealProblem(seal, "seal-signature-invalid", "the seal carries no signature, but seals "
                        + "before it are signed (its signature was removed, or it was forged)");
            }
        }
        String expectedPrevious = index == 0 ? EventHash.GENESIS : seals.get(index - 1).root();
        if (!expectedPrevious.equals(seal.previousRoot())) {
            return sealProblem(seal, "seal-chain-broken", "the seal links to root " + seal.previousRoot()
                    + " but the seal before it has root " + expectedPrevious + " (a seal was removed or altered)");
        }
        if (merkle.count() < seal.events()) {
            return sealProblem(seal, "seal-mismatch", seal.events() + " events were sealed up to position "
                    + seal.position() + " but only " + merkle.count() + " are there: events were removed");
        }
        if (merkle.count() > seal.events()) {
            return sealProblem(seal, "seal-mismatch", seal.events() + " events were sealed up to position "
                    + seal.position() + " but " + merkle.count() + " are there: events were added");
        }
        String root = merkle.root();
        if (!root.equals(seal.root())) {
            return sealProblem(seal, "seal-mismatch", "the events up to position " + seal.position() + " give root "
                    + root + ", not the sealed " + seal.root() + ": a sealed event was altered or replaced");
        }
        return null;
    }

    private static VerificationReport.Broken sealProblem(Seal seal, String kind, String detail) {
        return new VerificationReport.Broken(seal.position(), null, null, null, kind, detail);
    }
}
