package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The head of the introductions' Merkle tree at a size: what is signed and published, and what a verifier keeps to
 * check later heads against. The timestamp is kept to the millisecond, as it is signed.
 */
public record TreeHead(long treeSize, Hash rootHash, Instant timestamp) {

    /** Separates these signatures from any other use of the same key. */
    private static final byte[] DOMAIN =
            "partnership-lab/introductions/tree-head/v1\n".getBytes(StandardCharsets.US_ASCII);

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + treeSize);
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The bytes a signature covers: domain, tree size, timestamp (ms since epoch), root hash; fixed length. */
    public byte[] signedBytes() {
        return ByteBuffer.allocate(DOMAIN.length + Long.BYTES * 2 + Hash.LENGTH)
                .put(DOMAIN)
                .putLong(treeSize)
                .putLong(timestamp.toEpochMilli())
                .put(rootHash.bytes())
                .array();
    }
}
