package fr.labos.partenariats.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.PrincipalMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Plays a service's relay in tests of its consumers: records built field for field as
 * {@code platform.relay.EventRelay} builds them (key and record timestamp, the JSON of {@code EventJson}, the
 * {@code EventHeaders} and the principal headers), sent with acks=all and waited for.
 */
public final class RelayedRecords implements AutoCloseable {

    /** Who acted, as the principal metadata of the event carries it. */
    public record Principal(String subject, String role, String actingFor) {
    }

    private final String topic;
    private final DefaultKafkaProducerFactory<String, String> factory;
    private final KafkaTemplate<String, String> template;

    public RelayedRecords(String bootstrapServers, String topic) {
        this.topic = topic;
        this.factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
        this.template = new KafkaTemplate<>(factory);
    }

    /** Sends one event of an aggregate at its sequence number, acted by {@code principal} (null: none); waits for the ack. */
    public RecordMetadata publish(String aggregateId, long sequence, Object payload, Instant at, Principal principal) {
        return send(record(topic, aggregateId, sequence, payload, at, principal));
    }

    /** Sends a record as is; where the broker put it. */
    public RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return template.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + record, e);
        }
    }

    /**
     * The record the relay sends for a domain event. The event id is derived from the aggregate and the sequence, so
     * that publishing the same step twice plays a redelivery.
     */
    public static ProducerRecord<String, String> record(String topic, String aggregateId, long sequence, Object payload,
                                                       Instant at, Principal principal) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, at.toEpochMilli(), aggregateId,
                json(payload));
        header(record, EventHeaders.EVENT_TYPE, EventCatalog.typeName(payload.getClass()));
        String revision = EventCatalog.revisionOf(payload.getClass());
        if (revision != null) {
            header(record, EventHeaders.EVENT_REVISION, revision);
        }
        header(record, EventHeaders.EVENT_ID,
                UUID.nameUUIDFromBytes((aggregateId + "#" + sequence).getBytes(StandardCharsets.UTF_8)).toString());
        header(record, EventHeaders.TIMESTAMP, at.toString());
        header(record, EventHeaders.AGGREGATE_ID, aggregateId);
        header(record, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(sequence));
        if (principal != null) {
            header(record, PrincipalMetadata.SUBJECT_HEADER, principal.subject());
            header(record, PrincipalMetadata.ROLE_HEADER, principal.role());
            if (principal.actingFor() != null) {
                header(record, PrincipalMetadata.ACTING_FOR_HEADER, principal.actingFor());
            }
        }
        return record;
    }

    @Override
    public void close() {
        factory.destroy();
    }

    private static String json(Object payload) {
        try {
            return EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
