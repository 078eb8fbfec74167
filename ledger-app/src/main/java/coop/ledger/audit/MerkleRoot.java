package coop.ledger.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash (as in RFC 6962, certificate transparency) over event hashes in global-position order,
 * computed in one pass: it keeps only the roots of the complete subtrees seen so far (at most 64), so a ledger of
 * any size is sealed or verified without holding its hashes in memory. Leaves are SHA-256(0x00 || hash), inner
 * nodes SHA-256(0x01 || left || right); the root of no leaves is SHA-256 of nothing.
 */
final class MerkleRoot {

    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long count;

    public void add(String eventHash) {
        byte[] node = hash((byte) 0, HEX.parseHex(eventHash));
        int height = 0;
        while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
            byte[] left = nodes.remove(nodes.size() - 1);
            heights.remove(heights.size() - 1);
            node = hash((byte) 1, left, node);
            height++;
        }
        nodes.add(node);
        heights.add(height);
        count++;
    }

    public long count() {
        return count;
    }

    /** The root over every hash added so far. */
    public String root() {
        if (nodes.isEmpty()) {
            return HEX.formatHex(EventHash.sha256().digest());
        }
        byte[] root = nodes.get(nodes.size() - 1);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = hash((byte) 1, nodes.get(i), root);
        }
        return HEX.formatHex(root);
    }

    private static byte[] hash(byte prefix, byte[]... parts) {
        MessageDigest sha = EventHash.sha256();
        sha.update(prefix);
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }
}
