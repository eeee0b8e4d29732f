package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every proof of every tree up to 64 leaves verifies, and no altered proof, leaf, index, size or head does.
 * Exhaustive rather than sampled: at this size every shape of tree (every power-of-two boundary) is covered.
 */
class MerkleProofPropertiesTest {

    private static final int MAX_SIZE = 64;

    private final MerkleTree tree = tree("événement", MAX_SIZE);

    @Test
    void everyInclusionProofVerifiesForEveryLeafAndTreeSize() {
        for (long size = 1; size <= MAX_SIZE; size++) {
            Hash root = tree.rootHash(size);
            for (long index = 0; index < size; index++) {
                InclusionProof proof = tree.inclusionProof(index, size);
                assertThat(MerkleProofs.verifyInclusion(tree.leafHash(index), proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void noInclusionProofVerifiesOnceAnythingInItIsAltered() {
        for (long size = 1; size <= MAX_SIZE; size++) {
            Hash root = tree.rootHash(size);
            for (long index = 0; index < size; index++) {
                InclusionProof proof = tree.inclusionProof(index, size);
                Hash leaf = tree.leafHash(index);
                for (InclusionProof altered : alterations(proof)) {
                    assertThat(MerkleProofs.verifyInclusion(leaf, altered, root))
                            .as("altered proof %s of leaf %d in %d", altered, index, size).isFalse();
                }
                Hash otherLeaf = tree.leafHash((index + 1) % MAX_SIZE);
                assertThat(MerkleProofs.verifyInclusion(otherLeaf, proof, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(leaf, proof, flipped(root))).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofBetweenTwoSizesVerifies() {
        for (long second = 0; second <= MAX_SIZE; second++) {
            for (long first = 0; first <= second; first++) {
                ConsistencyProof proof = tree.consistencyProof(first, second);
                assertThat(MerkleProofs.verifyConsistency(tree.rootHash(first), tree.rootHash(second), proof))
                        .as("%d to %d", first, second).isTrue();
            }
        }
    }

    @Test
    void noConsistencyProofVerifiesOnceAnythingInItIsAltered() {
        for (long second = 2; second <= MAX_SIZE; second++) {
            for (long first = 1; first < second; first++) {
                ConsistencyProof proof = tree.consistencyProof(first, second);
                Hash firstRoot = tree.rootHash(first);
                Hash secondRoot = tree.rootHash(second);
                for (ConsistencyProof altered : alterations(proof)) {
                    assertThat(MerkleProofs.verifyConsistency(firstRoot, secondRoot, altered))
                            .as("altered proof %s", altered).isFalse();
                }
                assertThat(MerkleProofs.verifyConsistency(flipped(firstRoot), secondRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(firstRoot, flipped(secondRoot), proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(secondRoot, firstRoot, proof)).isFalse();
            }
        }
    }

    @Test
    void aHistoryRewrittenBelowAPublishedHeadIsNotConsistentWithIt() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            for (int rewritten = 0; rewritten < size; rewritten++) {
                MerkleTree forged = tree("événement", MAX_SIZE, rewritten);
                ConsistencyProof proof = forged.consistencyProof(size, MAX_SIZE);
                assertThat(MerkleProofs.verifyConsistency(tree.rootHash(size), forged.rootHash(), proof))
                        .as("leaf %d rewritten under a head of %d", rewritten, size).isFalse();
            }
        }
    }

    @Test
    void aTreeRebuiltFromItsLeafHashesHasTheSameHeads() {
        MerkleTree rebuilt = new MerkleTree();
        for (long index = 0; index < MAX_SIZE; index++) {
            rebuilt.appendLeafHash(tree.leafHash(index));
            assertThat(rebuilt.rootHash()).isEqualTo(tree.rootHash(index + 1));
        }
    }

    /** Wrong index or size, a flipped bit in each hash, a hash removed, added in front or at the end. */
    private static List<InclusionProof> alterations(InclusionProof proof) {
        List<InclusionProof> altered = new ArrayList<>();
        long index = proof.leafIndex();
        long size = proof.treeSize();
        altered.add(new InclusionProof(index - 1, size, proof.path()));
        altered.add(new InclusionProof(index + 1, size, proof.path()));
        altered.add(new InclusionProof(index ^ 2, size, proof.path()));
        altered.add(new InclusionProof(index, size * 2, proof.path()));
        altered.add(new InclusionProof(index, size / 2, proof.path()));
        for (List<Hash> path : pathAlterations(proof.path())) {
            altered.add(new InclusionProof(index, size, path));
        }
        return altered;
    }

    private static List<ConsistencyProof> alterations(ConsistencyProof proof) {
        List<ConsistencyProof> altered = new ArrayList<>();
        long first = proof.firstSize();
        long second = proof.secondSize();
        altered.add(new ConsistencyProof(first - 1, second, proof.path()));
        altered.add(new ConsistencyProof(first + 1, second, proof.path()));
        altered.add(new ConsistencyProof(first, second * 2, proof.path()));
        altered.add(new ConsistencyProof(first, second / 2, proof.path()));
        for (List<Hash> path : pathAlterations(proof.path())) {
            altered.add(new ConsistencyProof(first, second, path));
        }
        return altered;
    }

    private static List<List<Hash>> pathAlterations(List<Hash> path) {
        List<List<Hash>> altered = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            List<Hash> flippedOne = new ArrayList<>(path);
            flippedOne.set(i, flipped(path.get(i)));
            altered.add(flippedOne);
        }
        if (!path.isEmpty()) {
            altered.add(path.subList(0, path.size() - 1));
        }
        Hash extra = MerkleHashing.leafHash("intrus".getBytes(StandardCharsets.UTF_8));
        List<Hash> withTrailing = new ArrayList<>(path);
        withTrailing.add(extra);
        altered.add(withTrailing);
        List<Hash> withLeading = new ArrayList<>(path);
        withLeading.add(0, extra);
        altered.add(withLeading);
        return altered;
    }

    private static Hash flipped(Hash hash) {
        byte[] bytes = hash.bytes();
        bytes[0] ^= 8;
        return Hash.of(bytes);
    }

    private static MerkleTree tree(String prefix, int size) {
        return tree(prefix, size, -1);
    }

    /** A tree of {@code size} leaves, the leaf at {@code rewritten} (if any) replaced by another event. */
    private static MerkleTree tree(String prefix, int size, int rewritten) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            String leaf = i == rewritten ? "réécrit " + i : prefix + " " + i;
            tree.append(leaf.getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }
}
