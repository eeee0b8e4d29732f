package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tree head with the service's signature over {@link TreeHead#signedBytes()}.
 *
 * @param algorithm the JDK signature algorithm, {@code Ed25519} or {@code SHA256withECDSA}
 */
public record SignedTreeHead(TreeHead head, String algorithm, byte[] signature) {

    public SignedTreeHead {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Why this key cannot check the head, or null when it can: the head names a signature algorithm other than the
     * one the key signs with (see {@link ProofJson#signatureAlgorithm}). The head's record may have been written by
     * anyone; its own word on the algorithm does not choose how it is checked.
     */
    public String uncheckableBy(PublicKey publicKey) {
        String keyAlgorithm = ProofJson.signatureAlgorithm(publicKey);
        return algorithm.equals(keyAlgorithm) ? null
                : "elle annonce l'algorithme « " + algorithm + " », que la clé donnée (" + keyAlgorithm
                + ") ne vérifie pas";
    }

    /** Whether the head was signed by the private key matching {@code publicKey}. */
    public boolean isSignedBy(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(head.signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A malformed signature or a key of another algorithm proves nothing.
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead that && head.equals(that.head) && algorithm.equals(that.algorithm)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(head, algorithm, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + head + ", " + algorithm + "]";
    }
}
