package fr.labos.partenariats.matchmaking.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.platform.testing.RelayedRecords;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Records of {@code lab.profile.events} exactly as the producer's contract describes them: the relay's own record
 * ({@link RelayedRecords#record}), and its headers alone for tests that craft damaged or foreign records.
 */
public final class ProfileRecords {

    private ProfileRecords() {
    }

    public static ProducerRecord<String, String> record(String topic, String aggregateId, long sequence, Object event, Instant at) {
        return RelayedRecords.record(topic, aggregateId, sequence, event, at, null);
    }

    public static Headers headers(Class<?> eventType, String aggregateId, long sequence, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, EventCatalog.typeName(eventType));
        add(headers, EventHeaders.EVENT_REVISION, EventCatalog.revisionOf(eventType));
        // Stable per aggregate and sequence, as a redelivery by the relay would carry the same id.
        add(headers, EventHeaders.EVENT_ID, UUID.nameUUIDFromBytes((aggregateId + "#" + sequence).getBytes(StandardCharsets.UTF_8)).toString());
        add(headers, EventHeaders.AGGREGATE_ID, aggregateId);
        add(headers, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        add(headers, EventHeaders.TIMESTAMP, at.toString());
        return headers;
    }

    public static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
