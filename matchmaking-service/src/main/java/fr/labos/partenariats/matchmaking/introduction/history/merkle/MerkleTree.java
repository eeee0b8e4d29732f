package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle tree as defined by RFC 9162 §2.1: tree heads, inclusion proofs (§2.1.3.1) and consistency
 * proofs (§2.1.4.1) for any past size. Besides the leaf hashes it keeps the hash of every complete, aligned subtree
 * (what the RFC's recursion splits a tree into on its left), so that a head or a proof costs O(log n) hashes
 * instead of rehashing the whole tree. In memory; a store that persists the leaf hashes rebuilds it by appending
 * them again.
 */
public final class MerkleTree {

    /** levels.get(h) holds the hashes of the complete subtrees of 2^h leaves, in order, concatenated. */
    private final List<HashRow> levels = new ArrayList<>();
    private long size;

    public MerkleTree() {
        levels.add(new HashRow());
    }

    public long size() {
        return size;
    }

    /** Appends a leaf (its canonical bytes) and returns its index. */
    public long append(byte[] leaf) {
        return appendLeafHash(MerkleHashing.leafHash(leaf));
    }

    /** Appends a leaf by its leaf hash, as when the tree is rebuilt from stored leaf hashes. */
    public long appendLeafHash(Hash leafHash) {
        long index = size;
        levels.get(0).add(leafHash);
        size++;
        Hash carry = leafHash;
        long position = index;
        for (int level = 0; isOdd(position); level++) {
            // The subtree that ends with this leaf just became complete one level up.
            carry = MerkleHashing.nodeHash(levels.get(level).get(position - 1), carry);
            position >>= 1;
            if (levels.size() == level + 1) {
                levels.add(new HashRow());
            }
            levels.get(level + 1).add(carry);
        }
        return index;
    }

    public Hash leafHash(long index) {
        checkIndex(index, size);
        return levels.get(0).get(index);
    }

    /** MTH(D[0:treeSize]), the head of the tree as it was at that size. */
    public Hash rootHash(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? MerkleHashing.emptyTreeHash() : subtreeHash(0, treeSize);
    }

    public Hash rootHash() {
        return rootHash(size);
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
    public InclusionProof inclusionProof(long leafIndex, long treeSize) {
        checkSize(treeSize);
        checkIndex(leafIndex, treeSize);
        List<Hash> path = new ArrayList<>();
        inclusionPath(leafIndex, 0, treeSize, path);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1; empty when m is 0 or equals n. */
    public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("no consistency proof from " + firstSize + " to " + secondSize);
        }
        List<Hash> path = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            subproof(firstSize, 0, secondSize, true, path);
        }
        return new ConsistencyProof(firstSize, secondSize, path);
    }

    /** The path is built leaf-side first, as the RFC's recursion appends the sibling after the sub-path. */
    private void inclusionPath(long m, long start, long end, List<Hash> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            inclusionPath(m, start, start + k, path);
            path.add(subtreeHash(start + k, end));
        } else {
            inclusionPath(m - k, start + k, end, path);
            path.add(subtreeHash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean completeSubtree, List<Hash> path) {
        long n = end - start;
        if (m == n) {
            if (!completeSubtree) {
                path.add(subtreeHash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, completeSubtree, path);
            path.add(subtreeHash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, path);
            path.add(subtreeHash(start, start + k));
        }
    }

    /** MTH(D[start:end]) for a non-empty range; a complete aligned subtree is read from its level. */
    private Hash subtreeHash(long start, long end) {
        long n = end - start;
        if (MerkleProofs.isPowerOfTwo(n) && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(start >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashing.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
    }

    /** The largest power of two strictly smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("the tree has " + size + " leaves, not " + treeSize);
        }
    }

    private static void checkIndex(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + treeSize + " leaves");
        }
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }

    /** A growable row of 32-byte hashes in one array: a million leaves cost 32 MB, not a million objects. */
    private static final class HashRow {
        private byte[] data = new byte[Hash.LENGTH * 16];
        private long count;

        void add(Hash hash) {
            long offset = count * Hash.LENGTH;
            if (offset + Hash.LENGTH > data.length) {
                data = Arrays.copyOf(data, Math.toIntExact(Math.max(data.length * 2L, offset + Hash.LENGTH)));
            }
            System.arraycopy(hash.bytes(), 0, data, (int) offset, Hash.LENGTH);
            count++;
        }

        Hash get(long index) {
            int offset = Math.toIntExact(index * Hash.LENGTH);
            return Hash.of(Arrays.copyOfRange(data, offset, offset + Hash.LENGTH));
        }
    }
}
