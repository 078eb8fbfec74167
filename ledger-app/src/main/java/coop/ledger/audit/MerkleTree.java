package coop.ledger.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (certificate transparency 2.0, same hashing as RFC 6962) over event hashes in
 * global-position order: a leaf is SHA-256(0x00 || the 32 bytes of the event hash), a node SHA-256(0x01 || left ||
 * right), the tree of n leaves splits at the largest power of two below n, and the tree of no leaves hashes to
 * SHA-256 of nothing. {@link MerkleRoot} computes the same root in one streaming pass; this class computes audit
 * paths and consistency proofs (RFC 9162 2.1.3 and 2.1.4) from complete subtrees that a {@link Subtrees} supplies,
 * and verifies them, so the server and the offline verifier share exactly this code.
 */
final class MerkleTree {

    /** The hash of the complete subtree over leaves {@code start .. start + 2^level - 1} ({@code start} aligned). */
    interface Subtrees {
        byte[] aligned(long start, int level);
    }

    /** Looking a digest up costs more than hashing 65 bytes; a proof of a large tree hashes thousands of nodes. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EventHash::sha256);

    private MerkleTree() {
    }

    static byte[] leaf(byte[] eventHash) {
        return digest((byte) 0, eventHash, null);
    }

    static byte[] node(byte[] left, byte[] right) {
        return digest((byte) 1, left, right);
    }

    static byte[] empty() {
        return EventHash.sha256().digest();
    }

    /** MTH(D[start:end]). */
    static byte[] hash(Subtrees tree, long start, long end) {
        long size = end - start;
        if (size <= 0) {
            return empty();
        }
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return tree.aligned(start, Long.numberOfTrailingZeros(size));
        }
        long k = Long.highestOneBit(size - 1);
        return node(hash(tree, start, start + k), hash(tree, start + k, end));
    }

    /** PATH(m, D[n]): the audit path of leaf {@code m} in the tree of the first {@code n} leaves. */
    static List<byte[]> inclusion(Subtrees tree, long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, m, 0, n, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        long size = end - start;
        if (size <= 1) {
            return;
        }
        long k = Long.highestOneBit(size - 1);
        if (m < start + k) {
            path(tree, m, start, start + k, out);
            out.add(hash(tree, start + k, end));
        } else {
            path(tree, m, start + k, end, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** PROOF(m, D[n]): the consistency proof between the trees of the first {@code m} and {@code n} leaves. */
    static List<byte[]> consistency(Subtrees tree, long m, long n) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(tree, m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean whole, List<byte[]> out) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                out.add(hash(tree, start, end));
            }
            return;
        }
        long k = Long.highestOneBit(size - 1);
        if (m <= k) {
            subproof(tree, m, start, start + k, whole, out);
            out.add(hash(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(hash(tree, start, start + k));
        }
    }

    /** RFC 9162 2.1.3.2: whether {@code path} leads from the leaf hash at {@code index} to {@code root}. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree of {@code first} leaves is a prefix of the other. */
    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                     List<byte[]> proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** Subtrees over leaf hashes held in memory (a block of the stored tree, or a whole small tree). */
    static Subtrees over(List<byte[]> leafHashes) {
        return new Subtrees() {
            @Override
            public byte[] aligned(long start, int level) {
                if (level == 0) {
                    return leafHashes.get((int) start);
                }
                long half = 1L << (level - 1);
                return node(aligned(start, level - 1), aligned(start + half, level - 1));
            }
        };
    }

    private static byte[] digest(byte prefix, byte[] a, byte[] b) {
        MessageDigest sha = SHA256.get(); // digest() resets it for the next use
        sha.update(prefix);
        sha.update(a);
        if (b != null) {
            sha.update(b);
        }
        return sha.digest();
    }
}
