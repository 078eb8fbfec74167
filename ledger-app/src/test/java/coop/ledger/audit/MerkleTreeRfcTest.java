package coop.ledger.audit;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree hash, audit paths and consistency proofs of {@link MerkleTree} against a second, deliberately naive
 * implementation written straight from the recursive definitions of RFC 6962 section 2.1 (MTH, PATH, PROOF and
 * SUBPROOF over lists of leaves), for every tree size 1-300, every leaf and every pair of sizes; plus the verifiers
 * accepting each proof and rejecting it once any hash, the index or a root is wrong.
 */
class MerkleTreeRfcTest {

    private static final int MAX = 300;
    private static final HexFormat HEX = HexFormat.of();

    /** The RFC's definitions, word for word; memoised only so that 300 x 300 pairs finish in seconds. */
    private static final class Naive {
        private final List<byte[]> d;
        private final Map<String, byte[]> memo = new HashMap<>();

        Naive(List<byte[]> d) {
            this.d = d;
        }

        static byte[] sha(byte[]... parts) {
            MessageDigest sha = EventHash.sha256();
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        }

        /** MTH(D[a:b]). */
        byte[] mth(int a, int b) {
            String key = a + ":" + b;
            byte[] known = memo.get(key);
            if (known != null) {
                return known;
            }
            int n = b - a;
            byte[] value;
            if (n == 0) {
                value = sha();
            } else if (n == 1) {
                value = sha(new byte[]{0}, d.get(a));
            } else {
                int k = 1;
                while (k * 2 < n) {
                    k *= 2;
                }
                value = sha(new byte[]{1}, mth(a, a + k), mth(a + k, b));
            }
            memo.put(key, value);
            return value;
        }

        /** PATH(m, D[a:b]). */
        List<byte[]> path(int m, int a, int b) {
            int n = b - a;
            List<byte[]> out = new ArrayList<>();
            if (n == 1) {
                return out;
            }
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            if (m < k) {
                out.addAll(path(m, a, a + k));
                out.add(mth(a + k, b));
            } else {
                out.addAll(path(m - k, a + k, b));
                out.add(mth(a, a + k));
            }
            return out;
        }

        /** SUBPROOF(m, D[a:b], flag). */
        List<byte[]> subproof(int m, int a, int b, boolean flag) {
            int n = b - a;
            List<byte[]> out = new ArrayList<>();
            if (m == n) {
                if (!flag) {
                    out.add(mth(a, b));
                }
                return out;
            }
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            if (m <= k) {
                out.addAll(subproof(m, a, a + k, flag));
                out.add(mth(a + k, b));
            } else {
                out.addAll(subproof(m - k, a + k, b, false));
                out.add(mth(a, a + k));
            }
            return out;
        }
    }

    private static List<byte[]> eventHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(Naive.sha(("event " + i).getBytes()));
        }
        return hashes;
    }

    /** The production side, over leaf hashes in memory, memoised per aligned subtree like the stored nodes. */
    private static MerkleTree.Subtrees subtrees(List<byte[]> eventHashes) {
        List<byte[]> leaves = eventHashes.stream().map(MerkleTree::leaf).toList();
        MerkleTree.Subtrees plain = MerkleTree.over(leaves);
        Map<String, byte[]> memo = new HashMap<>();
        return (start, level) -> memoised(memo, plain, start, level);
    }

    private static byte[] memoised(Map<String, byte[]> memo, MerkleTree.Subtrees plain, long start, int level) {
        String key = start + "/" + level;
        byte[] known = memo.get(key);
        if (known != null) {
            return known;
        }
        byte[] value = level == 0 ? plain.aligned(start, 0) : MerkleTree.node(
                memoised(memo, plain, start, level - 1), memoised(memo, plain, start + (1L << (level - 1)), level - 1));
        memo.put(key, value);
        return value;
    }

    @Test
    void tree_hashes_audit_paths_and_consistency_proofs_match_the_rfc_for_every_size_up_to_300() {
        List<byte[]> all = eventHashes(MAX);
        Naive naive = new Naive(all);
        MerkleTree.Subtrees tree = subtrees(all);
        // plain checks collected into a list: 90,000 AssertJ assertions would take longer than the hashing
        List<String> wrong = new ArrayList<>();
        int inclusions = 0;
        int consistencies = 0;
        int rejected = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] root = naive.mth(0, n);
            check(wrong, Arrays.equals(MerkleTree.hash(tree, 0, n), root), "root of " + n);
            MerkleRoot streaming = new MerkleRoot();
            all.subList(0, n).forEach(h -> streaming.add(HEX.formatHex(h)));
            check(wrong, streaming.root().equals(HEX.formatHex(root)), "streaming root (the seals') of " + n);

            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusion(tree, m, n);
                check(wrong, same(path, naive.path(m, 0, n)), "PATH(" + m + ", D[" + n + "])");
                byte[] leaf = MerkleTree.leaf(all.get(m));
                check(wrong, MerkleTree.verifyInclusion(m, n, leaf, path, root), "inclusion " + m + " of " + n);
                inclusions++;
                if ((m + n) % 7 == 0) {
                    rejected += rejectsBrokenInclusions(wrong, m, n, leaf, path, root);
                }
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistency(tree, m, n);
                check(wrong, same(proof, naive.subproof(m, 0, n, true)), "PROOF(" + m + ", D[" + n + "])");
                byte[] first = naive.mth(0, m);
                check(wrong, MerkleTree.verifyConsistency(m, n, first, root, proof), "consistency " + m + "-" + n);
                consistencies++;
                if ((m + n) % 7 == 0) {
                    rejected += rejectsBrokenConsistency(wrong, m, n, first, root, proof);
                }
            }
        }
        System.out.printf("RFC 9162 check: %d inclusion and %d consistency proofs equal to the naive ones, "
                + "%d broken proofs rejected%n", inclusions, consistencies, rejected);
        assertThat(wrong).isEmpty();
        assertThat(inclusions).isEqualTo(MAX * (MAX + 1) / 2);
    }

    private static void check(List<String> wrong, boolean ok, String what) {
        if (!ok) {
            wrong.add(what);
        }
    }

    private static boolean same(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void edge_cases_one_leaf_powers_of_two_and_one_past_them() {
        List<byte[]> all = eventHashes(129);
        Naive naive = new Naive(all);
        MerkleTree.Subtrees tree = subtrees(all);
        assertThat(MerkleTree.inclusion(tree, 0, 1)).isEmpty();
        assertThat(MerkleTree.hash(tree, 0, 1)).isEqualTo(MerkleTree.leaf(all.get(0)));
        assertThat(MerkleTree.consistency(tree, 1, 1)).isEmpty();
        assertThat(MerkleTree.hash(tree, 0, 0)).isEqualTo(Naive.sha());
        for (int n : new int[]{2, 4, 8, 64, 128}) {
            assertThat(MerkleTree.consistency(tree, n, n + 1)).as("%d to %d", n, n + 1)
                    .containsExactly(MerkleTree.leaf(all.get(n)));
            assertThat(MerkleTree.verifyConsistency(n, n + 1, naive.mth(0, n), naive.mth(0, n + 1),
                    MerkleTree.consistency(tree, n, n + 1))).isTrue();
            assertThat(MerkleTree.inclusion(tree, n, n + 1)).containsExactly(naive.mth(0, n));
        }
        assertThat(MerkleTree.verifyConsistency(0, 5, Naive.sha(), naive.mth(0, 5), List.of()))
                .as("the RFC defines no proof from the empty tree").isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 4, naive.mth(0, 5), naive.mth(0, 4), List.of())).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 5, MerkleTree.leaf(all.get(4)), List.of(), naive.mth(0, 5)))
                .isFalse();
    }

    private static int rejectsBrokenInclusions(List<String> wrong, int m, int n, byte[] leaf, List<byte[]> path,
                                               byte[] root) {
        String what = "broken inclusion " + m + " of " + n;
        int rejected = 0;
        for (int i = 0; i < path.size(); i++) {
            List<byte[]> broken = new ArrayList<>(path);
            broken.set(i, flip(path.get(i)));
            check(wrong, !MerkleTree.verifyInclusion(m, n, leaf, broken, root), what + ", hash " + i);
            rejected++;
        }
        check(wrong, !MerkleTree.verifyInclusion(m, n, flip(leaf), path, root), what + ", leaf");
        check(wrong, !MerkleTree.verifyInclusion(m, n, leaf, path, flip(root)), what + ", root");
        rejected += 2;
        if (n > 1) {
            check(wrong, !MerkleTree.verifyInclusion((m + 1) % n, n, leaf, path, root), what + ", index");
            rejected++;
        }
        if (!path.isEmpty()) {
            check(wrong, !MerkleTree.verifyInclusion(m, n, leaf, path.subList(0, path.size() - 1), root),
                    what + ", shortened");
            rejected++;
        }
        return rejected;
    }

    private static int rejectsBrokenConsistency(List<String> wrong, int m, int n, byte[] first, byte[] root,
                                                List<byte[]> proof) {
        String what = "broken consistency " + m + "-" + n;
        int rejected = 0;
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> broken = new ArrayList<>(proof);
            broken.set(i, flip(proof.get(i)));
            check(wrong, !MerkleTree.verifyConsistency(m, n, first, root, broken), what + ", hash " + i);
            rejected++;
        }
        check(wrong, !MerkleTree.verifyConsistency(m, n, flip(first), root, proof), what + ", first root");
        check(wrong, !MerkleTree.verifyConsistency(m, n, first, flip(root), proof), what + ", second root");
        return rejected + 2;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
