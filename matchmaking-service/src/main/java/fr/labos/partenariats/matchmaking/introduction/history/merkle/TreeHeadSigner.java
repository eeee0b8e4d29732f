package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;

/** Signs tree heads with the service's private key, Ed25519 by default, through the JDK's own providers. */
public final class TreeHeadSigner {

    public static final String ED25519 = "Ed25519";

    private final PrivateKey privateKey;
    private final String algorithm;

    public TreeHeadSigner(PrivateKey privateKey, String algorithm) {
        this.privateKey = privateKey;
        this.algorithm = algorithm;
    }

    /** A fresh Ed25519 key pair, e.g. for a first start or a test; production keeps its key in a secret store. */
    public static KeyPair newEd25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance(ED25519).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 provides Ed25519", e);
        }
    }

    public SignedTreeHead sign(TreeHead head) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(head.signedBytes());
            return new SignedTreeHead(head, algorithm, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tree head with " + algorithm, e);
        }
    }
}
