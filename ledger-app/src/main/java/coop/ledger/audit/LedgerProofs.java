package coop.ledger.audit;

import coop.ledger.audit.ProofViews.ConsistencyProof;
import coop.ledger.audit.ProofViews.KeptSealCheck;
import coop.ledger.audit.ProofViews.KeptSealProblem;
import coop.ledger.audit.ProofViews.ProvenEvent;
import coop.ledger.audit.ProofViews.RecordProof;
import coop.ledger.shared.web.RecordNotFoundException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Proofs an auditor can check without trusting the ledger's operators: a record's inclusion proof against a signed
 * seal, the consistency proof between two seals, and the check of a seal an auditor kept against today's history.
 * Proofs are built from the kept interior nodes ({@link TreeNodes}); the kept-seal check recomputes from the events
 * themselves, since it must not trust anything stored next to them.
 */
class LedgerProofs {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern ROOT = Pattern.compile("[0-9a-f]{64}");

    private final DataSource dataSource;
    private final TreeNodes nodes;
    private final SealKeys keys;

    LedgerProofs(DataSource dataSource, TreeNodes nodes, SealKeys keys) {
        this.dataSource = dataSource;
        this.nodes = nodes;
        this.keys = keys;
    }

    /** The record's events proven against the seal at {@code sealPosition} (null: the newest). */
    RecordProof recordProof(String recordId, Long sealPosition, Long keptSealPosition) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Seal> seals = SealStore.all(connection);
            Seal seal = sealPosition == null ? (seals.isEmpty() ? null : seals.get(seals.size() - 1))
                    : find(seals, sealPosition, "seal");
            List<StoredEvent> events = recordEvents(connection, recordId);
            if (events.isEmpty()) {
                throw new RecordNotFoundException("record", recordId);
            }
            TreeNodes.Proving tree = null;
            if (seal != null) {
                nodes.cover(seal.events(), seal.position());
                tree = nodes.proving(connection, seal.events());
            }
            List<ProvenEvent> sealed = new ArrayList<>();
            List<ProvenEvent> unsealed = new ArrayList<>();
            for (StoredEvent event : events) {
                if (seal != null && event.position() <= seal.position()) {
                    long index = tree.leafIndex(event.position());
                    if (index < 0) {
                        throw ProofRefusedException.inconsistent("the event at position " + event.position()
                                + " is not among the " + seal.events() + " events sealed up to " + seal.position());
                    }
                    List<String> path = MerkleTree.inclusion(tree, index, seal.events()).stream()
                            .map(HEX::formatHex).toList();
                    sealed.add(view(event, index, path));
                } else {
                    unsealed.add(view(event, null, null));
                }
            }
            ConsistencyProof consistency = null;
            if (keptSealPosition != null) {
                if (seal == null) {
                    throw ProofRefusedException.invalid("keptSeal", "nothing is sealed yet");
                }
                Seal kept = find(seals, keptSealPosition, "keptSeal");
                if (kept.position() > seal.position()) {
                    throw ProofRefusedException.invalid("keptSeal", "the kept seal (position " + kept.position()
                            + ") is newer than the proof's seal (position " + seal.position() + ")");
                }
                consistency = new ConsistencyProof(kept, seal, hex(MerkleTree.consistency(tree, kept.events(),
                        seal.events())));
            }
            return new RecordProof(ProofViews.PROOF_FORMAT, recordId, seal, sealed, unsealed, consistency);
        }
    }

    /** The consistency proof between the seals ending at positions {@code from} and {@code to}. */
    ConsistencyProof consistency(long from, long to) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Seal> seals = SealStore.all(connection);
            Seal first = find(seals, from, "from");
            Seal second = find(seals, to, "to");
            if (first.position() > second.position()) {
                throw ProofRefusedException.invalid("from", "seal " + from + " comes after seal " + to);
            }
            nodes.cover(second.events(), second.position());
            return new ConsistencyProof(first, second, hex(MerkleTree.consistency(
                    nodes.proving(connection, second.events()), first.events(), second.events())));
        }
    }

    /**
     * Whether today's history still extends {@code kept}: its signature, the ledger's own seal at its position,
     * and the events up to its position recomputed from their stored content (count and root).
     */
    KeptSealCheck checkKept(Seal kept, VerificationReport verification) throws SQLException {
        requireShape(kept);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams in fetch-size batches only inside a transaction
            try {
                return checkKept(connection, kept, verification);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The same check on the caller's connection and transaction (which it leaves as it is). */
    KeptSealCheck checkKept(Connection connection, Seal kept, VerificationReport verification) throws SQLException {
        requireShape(kept);
        String signature = !kept.signed() ? "unsigned" : keys.signed(kept) ? "valid"
                : keys.knows(kept.keyId()) ? "invalid" : "unknown-key";
        List<KeptSealProblem> problems = new ArrayList<>();
        if (signature.equals("invalid")) {
            problems.add(new KeptSealProblem("kept-seal-signature-invalid", kept.position(), null, null,
                    "the kept seal's signature does not hold: the copy was altered after it was signed"));
        }
        Seal ledgerSeal = SealStore.at(connection, kept.position());
        if (ledgerSeal == null) {
            problems.add(new KeptSealProblem("kept-seal-missing", kept.position(), null, null,
                    "the ledger holds no seal ending at position " + kept.position()
                            + ": the seals were removed or rewritten"));
        } else if (!sameSeal(ledgerSeal, kept)) {
            problems.add(new KeptSealProblem("kept-seal-differs", kept.position(), null, null,
                    "the ledger's seal at position " + kept.position() + " has root " + ledgerSeal.root()
                            + " over " + ledgerSeal.events() + " events; the kept one has root " + kept.root()
                            + " over " + kept.events() + ": the seal was rewritten"));
        }
        recompute(connection, kept, problems);
        boolean extended = problems.isEmpty() && !signature.equals("unknown-key");
        return new KeptSealCheck(extended, signature, kept, ledgerSeal, problems, verification);
    }

    /** Rebuilds the kept seal's tree from the stored events and says where they no longer match. */
    private static void recompute(Connection connection, Seal kept, List<KeptSealProblem> problems)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index")) {
            select.setLong(1, kept.position());
            select.setFetchSize(500);
            MerkleRoot merkle = new MerkleRoot();
            ChainCheck chain = new ChainCheck();
            VerificationReport.Broken firstBroken = null;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = StoredEvent.read(rs);
                    VerificationReport.Broken broken = chain.accept(event);
                    if (broken != null && firstBroken == null) {
                        firstBroken = broken;
                    }
                    merkle.add(event.hash() != null && ROOT.matcher(event.hash()).matches() ? event.hash()
                            : EventHash.GENESIS);
                }
            }
            if (firstBroken != null) {
                problems.add(new KeptSealProblem(firstBroken.problem(), firstBroken.position(),
                        firstBroken.aggregateId(), firstBroken.sequence(), firstBroken.detail()));
            }
            if (merkle.count() < kept.events()) {
                problems.add(new KeptSealProblem("events-removed", kept.position(), null, null, kept.events()
                        + " events were sealed up to position " + kept.position() + "; the ledger now holds "
                        + merkle.count() + " there"));
            } else if (merkle.count() > kept.events()) {
                problems.add(new KeptSealProblem("events-inserted", kept.position(), null, null, kept.events()
                        + " events were sealed up to position " + kept.position() + "; the ledger now holds "
                        + merkle.count() + " there"));
            } else if (!merkle.root().equals(kept.root())) {
                problems.add(new KeptSealProblem("sealed-range-rewritten", kept.position(), null, null,
                        "the " + kept.events() + " events up to position " + kept.position() + " now give root "
                                + merkle.root() + ", not the kept " + kept.root() + ": an event at or before "
                                + "position " + kept.position() + " was rewritten or replaced"
                                + (firstBroken == null ? " and its record's chain re-hashed" : "")));
            }
        }
    }

    private static boolean sameSeal(Seal a, Seal b) {
        return a.events() == b.events() && a.root().equals(b.root()) && a.previousRoot().equals(b.previousRoot())
                && a.sealedAt().equals(b.sealedAt()) && Objects.equals(a.signature(), b.signature());
    }

    private static void requireShape(Seal kept) {
        if (kept.root() == null || !ROOT.matcher(kept.root()).matches()) {
            throw ProofRefusedException.invalid("root", "a seal's root is 64 lowercase hex digits");
        }
        if (kept.previousRoot() == null || !ROOT.matcher(kept.previousRoot()).matches()) {
            throw ProofRefusedException.invalid("previousRoot", "a seal's previous root is 64 lowercase hex digits");
        }
        if (kept.events() < 1) {
            throw ProofRefusedException.invalid("events", "a seal covers at least one event");
        }
        if (kept.sealedAt() == null) {
            throw ProofRefusedException.invalid("sealedAt", "a seal carries the time it was made");
        }
    }

    private static Seal find(List<Seal> seals, long position, String parameter) {
        return seals.stream().filter(s -> s.position() == position).findFirst().orElseThrow(() ->
                ProofRefusedException.invalid(parameter, "no seal ends at position " + position
                        + "; GET /api/audit/seals lists the seals and their positions"));
    }

    private static List<StoredEvent> recordEvents(Connection connection, String recordId) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, recordId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(StoredEvent.read(rs));
                }
            }
        }
        return events;
    }

    private static ProvenEvent view(StoredEvent e, Long leafIndex, List<String> path) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new ProvenEvent(e.position(), leafIndex, e.aggregateType(), e.aggregateId(), e.sequence(),
                e.eventId(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                e.payload() == null ? null : b64.encodeToString(e.payload()),
                e.metaData() == null ? null : b64.encodeToString(e.metaData()), e.hash(), e.previousHash(), path);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
