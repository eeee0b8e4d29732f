package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeHeadSignatureTest {

    private static final TreeHead HEAD = new TreeHead(8,
            Hash.ofHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
            Instant.parse("2026-06-01T00:00:00Z"));

    private final KeyPair service = TreeHeadSigner.newEd25519KeyPair();

    @Test
    void aHeadSignedWithEd25519VerifiesWithThePublicKey() {
        SignedTreeHead signed = new TreeHeadSigner(service.getPrivate(), TreeHeadSigner.ED25519).sign(HEAD);
        assertThat(signed.isSignedBy(service.getPublic())).isTrue();
    }

    @Test
    void aHeadSignedByAnotherKeyDoesNotVerify() {
        KeyPair impostor = TreeHeadSigner.newEd25519KeyPair();
        SignedTreeHead signed = new TreeHeadSigner(impostor.getPrivate(), TreeHeadSigner.ED25519).sign(HEAD);
        assertThat(signed.isSignedBy(service.getPublic())).isFalse();
    }

    @Test
    void aSignatureDoesNotCoverAnotherSizeRootOrTime() {
        SignedTreeHead signed = new TreeHeadSigner(service.getPrivate(), TreeHeadSigner.ED25519).sign(HEAD);
        TreeHead otherSize = new TreeHead(9, HEAD.rootHash(), HEAD.timestamp());
        TreeHead otherRoot = new TreeHead(8, MerkleHashing.emptyTreeHash(), HEAD.timestamp());
        TreeHead otherTime = new TreeHead(8, HEAD.rootHash(), HEAD.timestamp().plusMillis(1));
        for (TreeHead forged : new TreeHead[]{otherSize, otherRoot, otherTime}) {
            assertThat(new SignedTreeHead(forged, signed.algorithm(), signed.signature())
                    .isSignedBy(service.getPublic())).as(forged.toString()).isFalse();
        }
    }

    @Test
    void aHeadCanBeSignedWithEcdsaToo() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecdsa = generator.generateKeyPair();
        SignedTreeHead signed = new TreeHeadSigner(ecdsa.getPrivate(), "SHA256withECDSA").sign(HEAD);
        assertThat(signed.isSignedBy(ecdsa.getPublic())).isTrue();
        assertThat(signed.isSignedBy(service.getPublic())).isFalse();
    }

    @Test
    void aSignedHeadAndItsKeyTravelAsJsonAndPemUnchanged() {
        SignedTreeHead signed = new TreeHeadSigner(service.getPrivate(), TreeHeadSigner.ED25519).sign(HEAD);
        SignedTreeHead read = ProofJson.readHead(ProofJson.write(signed));
        assertThat(read).isEqualTo(signed);
        assertThat(read.isSignedBy(ProofJson.readPublicKey(ProofJson.writePublicKey(service.getPublic()),
                TreeHeadSigner.ED25519))).isTrue();
    }
}
