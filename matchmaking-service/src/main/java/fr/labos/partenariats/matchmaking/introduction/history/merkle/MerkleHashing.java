package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 §2.1.1: a leaf is hashed with a 0x00 prefix and an interior node with 0x01, so that a
 * leaf can never be passed off as a node (second-preimage resistance); the empty tree's hash is SHA-256 of nothing.
 */
public final class MerkleHashing {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashing() {
    }

    /** SHA-256(0x00 || leaf). */
    public static Hash leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(leaf);
        return Hash.of(digest.digest());
    }

    /** SHA-256(0x01 || left || right). */
    public static Hash nodeHash(Hash left, Hash right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        left.writeTo(digest);
        right.writeTo(digest);
        return Hash.of(digest.digest());
    }

    /** MTH({}) = SHA-256(). */
    public static Hash emptyTreeHash() {
        return Hash.of(sha256().digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
