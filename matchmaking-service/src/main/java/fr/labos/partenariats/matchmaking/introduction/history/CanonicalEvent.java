package fr.labos.partenariats.matchmaking.introduction.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
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
 * whichever serializer wrote it and in whatever order the store returns the JSON properties. Decimal numbers keep the
 * text they were stored with ({@link #readExact}), so that the same bytes come out on any JDK.
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
            return new CanonicalEvent(type, revision, readExact(payloadJson.getBytes(StandardCharsets.UTF_8)),
                    CANONICAL.valueToTree(metadata), timestamp, previousHash);
        } catch (IOException e) {
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
            JsonNode metadata = metadataJson == null ? null : readExact(metadataJson);
            return new CanonicalEvent(type, revision, readExact(payloadJson), metadata, Instant.parse(timestamp),
                    previousHash);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored payload or metadata of a " + type + " is not JSON", e);
        }
    }

    /**
     * JSON as a tree whose decimal numbers are kept as the text they were written with. Read as doubles and written
     * back, they would be printed by the running JDK's {@code Double.toString}, whose output for some values changed
     * in JDK 19 (JDK-4511638: 4.0301848979298272E17 became 4.030184897929827E17): a history hashed on one JDK would
     * seem altered to a service or an auditor on another. For the text the service's serializer writes, this gives the
     * bytes the doubles gave on the JDK that wrote it, so the hashes recorded before are unchanged.
     * <p>
     * A key repeated in an object is refused: the tree keeps one of its values, so {"note":"A","note":"B"} and
     * {"note":"B"} would give one form, and a row altered that way would still verify. No serializer writes one.
     */
    static JsonNode readExact(byte[] json) throws IOException {
        try (JsonParser parser = CANONICAL.getFactory().createParser(json)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            JsonNode value = readValue(parser);
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return value;
        }
    }

    private static JsonNode readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = CANONICAL.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, readValue(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = CANONICAL.createArrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(readValue(parser));
            }
            return array;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return CANONICAL.getNodeFactory().rawValueNode(new RawValue(parser.getText()));
        }
        // Strings, integers, booleans and null read and write back the same on every JDK.
        return CANONICAL.readTree(parser);
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
