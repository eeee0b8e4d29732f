package fr.labos.partenariats.matchmaking.introduction.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * One step of an introduction's history in the form that is hashed: what happened (type, revision, payload), with
 * which metadata (who, acting for whom), when, and the hash of the step before it (null for the first step).
 * Its bytes are compact JSON with every object's keys sorted, in UTF-8, so that the same event gives the same bytes
 * whichever serializer wrote it and in whatever order the store returns the JSON properties.
 */
public record CanonicalEvent(String type, String revision, JsonNode payload, JsonNode metadata, Instant timestamp,
                             String previousHash) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    public CanonicalEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timestamp, "timestamp");
        metadata = metadata == null ? CANONICAL.createObjectNode() : metadata;
    }

    /** The step as an event store keeps it: payload as serialized JSON, metadata as a map. */
    public static CanonicalEvent of(String type, String revision, String payloadJson, Map<String, ?> metadata,
                                    Instant timestamp, String previousHash) {
        try {
            return new CanonicalEvent(type, revision, CANONICAL.readTree(payloadJson),
                    CANONICAL.valueToTree(metadata), timestamp, previousHash);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload of a " + type + " is not JSON", e);
        }
    }

    /**
     * The step exactly as an event store row holds it: payload and metadata as the JSON bytes the serializer wrote,
     * the timestamp as the text the store keeps (so that a reload gives the same instant, to its precision).
     */
    public static CanonicalEvent ofStored(String type, String revision, byte[] payloadJson, byte[] metadataJson,
                                          String timestamp, String previousHash) {
        try {
            JsonNode metadata = metadataJson == null ? null : CANONICAL.readTree(metadataJson);
            return new CanonicalEvent(type, revision, CANONICAL.readTree(payloadJson), metadata,
                    Instant.parse(timestamp), previousHash);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the stored payload or metadata of a " + type + " is not JSON", e);
        }
    }

    /** The canonical bytes as text, e.g. for a proof that lets a verifier hash the event itself. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The canonical bytes: what the chain hash and the Merkle leaf are computed over. */
    public byte[] bytes() {
        ObjectNode form = CANONICAL.createObjectNode();
        form.put("type", type);
        form.put("revision", revision);
        form.set("payload", payload);
        form.set("metadata", metadata);
        form.put("timestamp", timestamp.toString());
        form.put("previousHash", previousHash);
        try {
            return CANONICAL.writeValueAsString(form).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** SHA-256 of {@link #bytes()}, in lower-case hex: the hash the next step links to. */
    public String hash() {
        return hashOf(bytes());
    }

    /** The hash of canonical bytes already written, for a caller that also needs the bytes (a Merkle leaf). */
    public static String hashOf(byte[] canonicalBytes) {
        return HexFormat.of().formatHex(sha256(canonicalBytes));
    }

    /** The same step linked after another one. */
    public CanonicalEvent linkedTo(String previous) {
        return new CanonicalEvent(type, revision, payload, metadata, timestamp, previous);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
