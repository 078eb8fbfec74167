package coop.ledger.audit;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-pass Merkle root equals the RFC 6962 tree hash computed the recursive way, for every size. */
class MerkleRootTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void the_streamed_root_equals_the_recursive_tree_hash_for_every_size_up_to_70() throws Exception {
        List<byte[]> hashes = new ArrayList<>();
        MerkleRoot merkle = new MerkleRoot();
        assertThat(merkle.root()).isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest()));
        for (int n = 1; n <= 70; n++) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("event " + n).getBytes());
            hashes.add(hash);
            merkle.add(HEX.formatHex(hash));

            assertThat(merkle.root()).as("%d leaves", n).isEqualTo(HEX.formatHex(treeHash(hashes)));
            assertThat(merkle.count()).isEqualTo(n);
        }
    }

    @Test
    void changing_or_dropping_one_hash_changes_the_root() {
        String[] hashes = {"00".repeat(32), "11".repeat(32), "22".repeat(32)};
        String root = rootOf(hashes);

        assertThat(rootOf("00".repeat(32), "12".repeat(32), "22".repeat(32))).isNotEqualTo(root);
        assertThat(rootOf("00".repeat(32), "11".repeat(32))).isNotEqualTo(root);
        assertThat(rootOf("11".repeat(32), "00".repeat(32), "22".repeat(32))).isNotEqualTo(root);
    }

    private static String rootOf(String... hashes) {
        MerkleRoot merkle = new MerkleRoot();
        for (String hash : hashes) {
            merkle.add(hash);
        }
        return merkle.root();
    }

    /** RFC 6962 section 2.1: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of 2 < n. */
    private static byte[] treeHash(List<byte[]> leaves) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (leaves.size() == 1) {
            sha.update((byte) 0);
            return sha.digest(leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        byte[] left = treeHash(leaves.subList(0, k));
        byte[] right = treeHash(leaves.subList(k, leaves.size()));
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }
}
