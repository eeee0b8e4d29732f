package fr.labos.partenariats.matchmaking.introduction.history.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON form of signed tree heads and proofs, the same for the service that serves them and the standalone
 * verifier that checks them. Hashes are lower-case hex, signatures and keys base64 (a key may also be PEM).
 * <pre>
 * head:        {"treeSize": 8, "rootHash": "…", "timestamp": "2026-06-01T00:00:00Z", "algorithm": "Ed25519",
 *               "signature": "…"}
 * inclusion:   {"leafIndex": 5, "treeSize": 8, "leafHash": "…", "path": ["…", …], "eventId": "…"}   ("leaf": the
 *              canonical event lets the verifier hash the event itself; which event a leaf is, only a step of the
 *              history the reader saved can say)
 * consistency: {"firstSize": 3, "secondSize": 8, "path": ["…", …]}
 * </pre>
 */
public final class ProofJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String ECDSA = "SHA256withECDSA";

    private ProofJson() {
    }

    public static ObjectNode write(SignedTreeHead signed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("treeSize", signed.head().treeSize());
        node.put("rootHash", signed.head().rootHash().hex());
        node.put("timestamp", signed.head().timestamp().toString());
        node.put("algorithm", signed.algorithm());
        node.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        return node;
    }

    public static ObjectNode write(InclusionProof proof, Hash leafHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("leafIndex", proof.leafIndex());
        node.put("treeSize", proof.treeSize());
        node.put("leafHash", leafHash.hex());
        node.set("path", hexes(proof.path()));
        return node;
    }

    public static ObjectNode write(ConsistencyProof proof) {
        ObjectNode node = JSON.createObjectNode();
        node.put("firstSize", proof.firstSize());
        node.put("secondSize", proof.secondSize());
        node.set("path", hexes(proof.path()));
        return node;
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    public static SignedTreeHead readHead(JsonNode node) {
        TreeHead head = new TreeHead(count(node, "treeSize"), Hash.ofHex(text(node, "rootHash")),
                Instant.parse(text(node, "timestamp")));
        return new SignedTreeHead(head, text(node, "algorithm"), Base64.getDecoder().decode(text(node, "signature")));
    }

    public static InclusionProof readInclusionProof(JsonNode node) {
        return new InclusionProof(count(node, "leafIndex"), count(node, "treeSize"), hashes(required(node, "path")));
    }

    /**
     * The leaf hash a proof is about: recomputed from the canonical event when the file holds it, else the one the
     * service gave ({@link #readGivenLeafHash}), which nothing ties to an event.
     */
    public static Hash readLeafHash(JsonNode node) {
        String leaf = readLeaf(node);
        return leaf != null ? MerkleHashing.leafHash(leaf.getBytes(StandardCharsets.UTF_8)) : readGivenLeafHash(node);
    }

    /** The canonical event an inclusion proof carries ({@code leaf}), or null when it has only its leaf hash. */
    public static String readLeaf(JsonNode node) {
        return node.hasNonNull("leaf") ? text(node, "leaf") : null;
    }

    /** The leaf hash as the service wrote it in an inclusion proof ({@code leafHash}). */
    public static Hash readGivenLeafHash(JsonNode node) {
        return Hash.ofHex(text(node, "leafHash"));
    }

    public static ConsistencyProof readConsistencyProof(JsonNode node) {
        return new ConsistencyProof(count(node, "firstSize"), count(node, "secondSize"),
                hashes(required(node, "path")));
    }

    /**
     * A public key as PEM ("BEGIN PUBLIC KEY") or bare base64 of its X.509 SubjectPublicKeyInfo, Ed25519 or EC,
     * whichever it is: the key says which algorithm checks a signature ({@link #signatureAlgorithm}), never the
     * signed document, which anyone may have written.
     *
     * @throws IllegalArgumentException when it is neither an Ed25519 nor an EC public key
     */
    public static PublicKey readPublicKey(String text) {
        for (String algorithm : new String[]{TreeHeadSigner.ED25519, ECDSA}) {
            try {
                return readPublicKey(text, algorithm);
            } catch (IllegalArgumentException notOfThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("neither an Ed25519 nor an EC public key");
    }

    /**
     * The signature algorithm heads are signed with by the private half of this key: Ed25519, or SHA256withECDSA for
     * an EC key.
     *
     * @throws IllegalArgumentException for a key of another kind
     */
    public static String signatureAlgorithm(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "EdDSA", "Ed25519" -> TreeHeadSigner.ED25519;
            case "EC" -> ECDSA;
            default -> throw new IllegalArgumentException("neither an Ed25519 nor an EC public key: "
                    + key.getAlgorithm());
        };
    }

    /** A public key as PEM ("BEGIN PUBLIC KEY") or bare base64 of its X.509 SubjectPublicKeyInfo. */
    public static PublicKey readPublicKey(String text, String signatureAlgorithm) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String keyAlgorithm = signatureAlgorithm.endsWith("ECDSA") ? "EC" : signatureAlgorithm;
        try {
            return KeyFactory.getInstance(keyAlgorithm)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a " + keyAlgorithm + " public key", e);
        }
    }

    public static String writePublicKey(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static ArrayNode hexes(List<Hash> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(hash -> array.add(hash.hex()));
        return array;
    }

    private static List<Hash> hashes(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("path must be an array of hashes");
        }
        List<Hash> hashes = new ArrayList<>();
        array.forEach(item -> hashes.add(Hash.ofHex(item.asText())));
        return hashes;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("le champ « " + field + " » manque");
        }
        return value;
    }

    /**
     * A size or an index: a JSON integer, zero or more. Jackson's {@code asLong} would read {@code "kept"} as 0 and
     * {@code true} as 1, and a verifier would then check a proof about a tree nobody published.
     *
     * @throws IllegalArgumentException, in French for the verifier's user, for anything else
     */
    private static long count(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("le champ « " + field + " » doit être un entier positif ou nul, pas "
                    + value);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
