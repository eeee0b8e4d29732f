package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The reference test vectors that RFC 6962/9162 implementations share: an eight-leaf tree, its heads at every size,
 * and known inclusion and consistency proofs. Leaf and proof indices are zero-based here.
 */
class MerkleTreeVectorsTest {

    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Heads by tree size, from 0 to 8. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final MerkleTree tree = eightLeaves();

    @Test
    void theHeadAtEverySizeIsTheReferenceOne() {
        for (int size = 0; size <= 8; size++) {
            assertThat(tree.rootHash(size)).as("size " + size).isEqualTo(Hash.ofHex(ROOTS.get(size)));
        }
    }

    @Test
    void aLeafIsHashedWithAZeroPrefix() {
        assertThat(tree.leafHash(0))
                .isEqualTo(Hash.ofHex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
        assertThat(tree.leafHash(7))
                .isEqualTo(Hash.ofHex("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"));
    }

    @Test
    void inclusionProofsAreTheReferenceOnesAndVerify() {
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(0, 1);
    }

    @Test
    void consistencyProofsAreTheReferenceOnesAndVerify() {
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(1, 1);
    }

    @Test
    void treesOfEqualSizeAreConsistentOnlyWithTheSameHead() {
        ConsistencyProof empty = new ConsistencyProof(4, 4, List.of());
        assertThat(MerkleProofs.verifyConsistency(tree.rootHash(4), tree.rootHash(4), empty)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(tree.rootHash(4), tree.rootHash(5), empty)).isFalse();
    }

    /** Every tree extends the empty one, whose head is SHA-256 of nothing; a "head of 0 leaves" with another root is none. */
    @Test
    void onlyTheEmptyTreesHeadIsExtendedFromSizeZero() {
        ConsistencyProof fromNothing = new ConsistencyProof(0, 8, List.of());
        assertThat(MerkleProofs.verifyConsistency(Hash.ofHex(ROOTS.get(0)), tree.rootHash(8), fromNothing)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(tree.rootHash(3), tree.rootHash(8), fromNothing)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(tree.rootHash(3), tree.rootHash(3),
                new ConsistencyProof(0, 0, List.of()))).isFalse();
    }

    @Test
    void aProofWithAHashOfTheWrongLengthCannotEvenBeRead() {
        assertThat(catchThrowable(() -> Hash.ofHex("abacaba0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertInclusion(long index, long size, String... path) {
        InclusionProof proof = tree.inclusionProof(index, size);
        assertThat(proof.path()).extracting(Hash::hex).containsExactly(path);
        assertThat(MerkleProofs.verifyInclusion(tree.leafHash(index), proof, Hash.ofHex(ROOTS.get((int) size))))
                .isTrue();
    }

    private void assertConsistency(long first, long second, String... path) {
        ConsistencyProof proof = tree.consistencyProof(first, second);
        assertThat(proof.path()).extracting(Hash::hex).containsExactly(path);
        assertThat(MerkleProofs.verifyConsistency(Hash.ofHex(ROOTS.get((int) first)),
                Hash.ofHex(ROOTS.get((int) second)), proof)).isTrue();
    }

    private static MerkleTree eightLeaves() {
        MerkleTree tree = new MerkleTree();
        LEAVES.forEach(leaf -> tree.append(HexFormat.of().parseHex(leaf)));
        return tree;
    }
}
