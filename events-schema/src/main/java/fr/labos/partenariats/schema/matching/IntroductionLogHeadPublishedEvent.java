package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * matchmaking-service signed the head of its Merkle tree over every introduction event (RFC 9162 §2.1): whoever keeps
 * this record can later ask for a consistency proof and detect any rewriting of the first {@code treeSize} events.
 *
 * @param treeSize  how many introduction events the tree holds
 * @param rootHash  the tree's root hash (MTH), lower-case hex SHA-256
 * @param timestamp when the head was signed, to the millisecond (it is part of what is signed)
 * @param algorithm the JDK signature algorithm, {@code Ed25519} or {@code SHA256withECDSA}
 * @param signature the signature, base64
 * @param keyId     SHA-256 of the public key's X.509 encoding, lower-case hex: which key to check it with
 */
@Revision("1")
public record IntroductionLogHeadPublishedEvent(long treeSize, String rootHash, Instant timestamp, String algorithm,
                                                String signature, String keyId) {
}
