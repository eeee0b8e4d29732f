package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.util.List;

/**
 * Verification of inclusion and consistency proofs, exactly the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2. It
 * needs nothing but the proof and hashes the verifier already holds, so anyone can run it without trusting the
 * service that produced the proof.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Whether {@code leafHash} is the leaf at the proof's index of the tree whose head is {@code rootHash}. */
    public static boolean verifyInclusion(Hash leafHash, InclusionProof proof, Hash rootHash) {
        long leafIndex = proof.leafIndex();
        long treeSize = proof.treeSize();
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : proof.path()) {
            if (sn == 0) {
                return false;
            }
            if (isOdd(fn) || fn == sn) {
                r = MerkleHashing.nodeHash(p, r);
                while (!isOdd(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashing.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(rootHash);
    }

    /**
     * Whether the tree of {@code proof.secondSize()} leaves with head {@code secondHash} extends the tree of
     * {@code proof.firstSize()} leaves with head {@code firstHash}. Equal sizes need equal heads and an empty proof;
     * every tree extends the empty tree, whose head is SHA-256 of nothing: a head of 0 leaves with any other root is no
     * head of the empty tree, and nothing extends it.
     */
    public static boolean verifyConsistency(Hash firstHash, Hash secondHash, ConsistencyProof proof) {
        long first = proof.firstSize();
        long second = proof.secondSize();
        List<Hash> path = proof.path();
        if (first < 0 || first > second) {
            return false;
        }
        if (first == 0 && !firstHash.equals(MerkleHashing.emptyTreeHash())) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && firstHash.equals(secondHash);
        }
        if (first == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        int next = 0;
        Hash start;
        if (isPowerOfTwo(first)) {
            start = firstHash;
        } else {
            start = path.get(next++);
        }
        long fn = first - 1;
        long sn = second - 1;
        while (isOdd(fn)) {
            fn >>= 1;
            sn >>= 1;
        }
        Hash fr = start;
        Hash sr = start;
        for (; next < path.size(); next++) {
            Hash c = path.get(next);
            if (sn == 0) {
                return false;
            }
            if (isOdd(fn) || fn == sn) {
                fr = MerkleHashing.nodeHash(c, fr);
                sr = MerkleHashing.nodeHash(c, sr);
                while (!isOdd(fn) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return fr.equals(firstHash) && sr.equals(secondHash) && sn == 0;
    }

    private static boolean isOdd(long n) {
        return (n & 1) == 1;
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }
}
