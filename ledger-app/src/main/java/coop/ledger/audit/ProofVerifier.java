package coop.ledger.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies a record proof ({@code GET /api/audit/records/{id}/proof}) with nothing but the proof, the ledger's
 * public key and optionally a seal the auditor kept: no database, no network. Checks the seal's signature, every
 * event's hash from its stored bytes, every chain link and sequence, every audit path to the seal's root, and the
 * consistency of the proof's seal with the kept one. The jar's {@code verify-proof} mode runs this.
 */
final class ProofVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was checked, what is broken, and what could not be checked at all (the proof cannot answer it). */
    record Outcome(List<String> checked, List<String> broken, List<String> uncheckable) {

        boolean verified() {
            return broken.isEmpty() && uncheckable.isEmpty();
        }

        int exitCode() {
            return !broken.isEmpty() ? 1 : !uncheckable.isEmpty() ? 2 : 0;
        }
    }

    private final List<String> checked = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private final List<String> uncheckable = new ArrayList<>();

    static Outcome verify(JsonNode proof, SealKey key, Seal kept) {
        ProofVerifier verifier = new ProofVerifier();
        verifier.run(proof, key, kept);
        return new Outcome(verifier.checked, verifier.broken, verifier.uncheckable);
    }

    /** A seal as GET /api/audit/seals gives it (one object; from an array, its newest seal). */
    static Seal seal(JsonNode node) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("the kept seal file lists no seal");
            }
            node = node.get(node.size() - 1);
        }
        if (!node.isObject() || !node.has("root") || !node.has("events") || !node.has("position")) {
            throw new IllegalArgumentException("not a seal: it needs position, events, root, previousRoot, sealedAt");
        }
        return new Seal(node.path("position").asLong(), node.path("events").asLong(), text(node, "root"),
                text(node, "previousRoot"), Instant.parse(node.path("sealedAt").asString()), text(node, "ledgerId"),
                text(node, "keyId"), text(node, "signature"));
    }

    private void run(JsonNode proof, SealKey key, Seal kept) {
        if (!ProofViews.PROOF_FORMAT.equals(proof.path("format").asString(null))) {
            uncheckable.add("not a proof of format " + ProofViews.PROOF_FORMAT);
            return;
        }
        if (proof.path("seal").isMissingNode() || proof.path("seal").isNull()) {
            uncheckable.add("the proof holds no seal (nothing was sealed when it was made)");
            return;
        }
        Seal seal = seal(proof.path("seal"));
        checkSignature(seal, key, "the proof's seal (position " + seal.position() + ")");
        byte[] root = HEX.parseHex(seal.root());

        String recordId = proof.path("recordId").asString();
        long expectedSequence = 0;
        String expectedLink = EventHash.GENESIS;
        for (String part : List.of("events", "notYetSealed")) {
            boolean sealedPart = part.equals("events");
            for (JsonNode e : proof.path(part)) {
                StoredEvent event = event(e);
                String where = "event " + event.aggregateId() + " #" + event.sequence() + " at position "
                        + event.position();
                if (!recordId.equals(event.aggregateId())) {
                    broken.add(where + ": belongs to another record than " + recordId);
                }
                if (event.sequence() != expectedSequence) {
                    broken.add(where + ": expected sequence " + expectedSequence + " (an event is missing, "
                            + "added or out of order)");
                }
                String computed = event.computedHash();
                if (!computed.equals(event.hash())) {
                    broken.add(where + ": its stored bytes give hash " + computed + ", not " + event.hash());
                }
                if (!expectedLink.equals(event.previousHash())) {
                    broken.add(where + ": links to " + event.previousHash() + ", not to its predecessor's hash "
                            + expectedLink);
                }
                if (sealedPart) {
                    checkPath(e, event, where, seal, root);
                } else if (event.position() <= seal.position()) {
                    broken.add(where + ": listed as not yet sealed but lies inside the seal");
                }
                expectedSequence = event.sequence() + 1;
                expectedLink = event.hash();
            }
        }
        checked.add("record " + recordId + ": " + expectedSequence + " events, hashes and chain links");
        if (kept != null) {
            checkKept(proof, seal, kept, key);
        }
    }

    private void checkPath(JsonNode e, StoredEvent event, String where, Seal seal, byte[] root) {
        if (event.position() > seal.position()) {
            broken.add(where + ": lies after the seal's position " + seal.position());
            return;
        }
        List<byte[]> path = new ArrayList<>();
        e.path("auditPath").forEach(h -> path.add(HEX.parseHex(h.asString())));
        long index = e.path("leafIndex").asLong(-1);
        byte[] leaf = MerkleTree.leaf(HEX.parseHex(event.hash()));
        if (!MerkleTree.verifyInclusion(index, seal.events(), leaf, path, root)) {
            broken.add(where + ": its audit path (leaf " + index + " of " + seal.events()
                    + ") does not lead to the seal's root " + seal.root());
        }
    }

    private void checkSignature(Seal seal, SealKey key, String what) {
        if (!seal.signed()) {
            broken.add(what + " carries no signature");
        } else if (!key.keyId().equals(seal.keyId())) {
            broken.add(what + " is signed by key " + seal.keyId() + ", not by the given key " + key.keyId());
        } else if (!key.signed(seal)) {
            broken.add(what + ": seal-signature-invalid (the signature does not hold for the seal's content)");
        } else {
            checked.add(what + ": signature by " + key.keyId() + " holds");
        }
    }

    private void checkKept(JsonNode proof, Seal seal, Seal kept, SealKey key) {
        if (kept.signed() && key.keyId().equals(kept.keyId())) {
            checkSignature(kept, key, "the kept seal (position " + kept.position() + ")");
        }
        if (kept.position() > seal.position() || kept.events() > seal.events()) {
            uncheckable.add("the kept seal (position " + kept.position() + ") is newer than the proof's seal "
                    + "(position " + seal.position() + "): fetch a proof against a seal at least as new");
            return;
        }
        if (kept.position() == seal.position()) {
            if (kept.events() == seal.events() && kept.root().equals(seal.root())) {
                checked.add("the proof's seal is the kept seal");
            } else {
                broken.add("the kept seal at position " + kept.position() + " has root " + kept.root() + " over "
                        + kept.events() + " events; the proof's seal at the same position has root " + seal.root()
                        + " over " + seal.events() + ": the ledger's history was rewritten");
            }
            return;
        }
        JsonNode consistency = proof.path("consistency");
        if (consistency.isMissingNode() || consistency.isNull()
                || consistency.path("from").path("position").asLong(-1) != kept.position()) {
            uncheckable.add("the proof holds no consistency proof from the kept seal (position " + kept.position()
                    + "): fetch it with ?keptSeal=" + kept.position());
            return;
        }
        List<byte[]> hashes = new ArrayList<>();
        consistency.path("proof").forEach(h -> hashes.add(HEX.parseHex(h.asString())));
        // the kept seal's own count and root, never the ones the proof claims for it
        if (MerkleTree.verifyConsistency(kept.events(), seal.events(), HEX.parseHex(kept.root()),
                HEX.parseHex(seal.root()), hashes)) {
            checked.add("the proof's seal (" + seal.events() + " events) extends the kept seal ("
                    + kept.events() + " events): consistency proof holds");
        } else {
            broken.add("the proof's seal does not extend the kept seal (position " + kept.position() + ", root "
                    + kept.root() + "): the history up to the kept seal was rewritten");
        }
    }

    private static StoredEvent event(JsonNode e) {
        return new StoredEvent(e.path("position").asLong(), text(e, "eventId"), text(e, "aggregateId"),
                e.path("sequence").asLong(), text(e, "aggregateType"), text(e, "timestamp"), text(e, "type"),
                text(e, "revision"), bytes(e, "payloadBase64"), bytes(e, "metadataBase64"), text(e, "hash"),
                text(e, "previousHash"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Base64.getDecoder().decode(text);
    }

    static JsonNode read(byte[] json) {
        return JSON.readTree(json);
    }
}
