package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest, 32 bytes; compared by content and written in lower-case hex. */
public final class Hash {

    static final int LENGTH = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, not " + bytes.length);
        }
        this.bytes = bytes;
    }

    public static Hash of(byte[] bytes) {
        return new Hash(bytes.clone());
    }

    /** @throws IllegalArgumentException when the text is not 64 hex digits */
    public static Hash ofHex(String hex) {
        return new Hash(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    void writeTo(MessageDigest digest) {
        digest.update(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        // Constant time, as is customary when comparing digests.
        return other instanceof Hash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
