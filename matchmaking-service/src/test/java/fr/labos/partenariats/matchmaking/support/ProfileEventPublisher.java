package fr.labos.partenariats.matchmaking.support;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Plays profile-service's relay in tests: sends events with the contract's key and headers, and waits for the ack. */
public final class ProfileEventPublisher implements AutoCloseable {

    private final String topic;
    private final DefaultKafkaProducerFactory<String, String> factory;
    private final KafkaTemplate<String, String> template;

    public ProfileEventPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
        this.template = new KafkaTemplate<>(factory);
    }

    /** Sends one event of an aggregate at its sequence number (0 for the registration); where the broker put it. */
    public RecordMetadata publish(String aggregateId, long sequence, Object event) {
        return send(ProfileRecords.record(topic, aggregateId, sequence, event, Instant.now()));
    }

    /** Sends a record as is, e.g. one that breaks the contract; where the broker put it. */
    public RecordMetadata send(ProducerRecord<String, String> record) {
        try {
            return template.send(record).get(10, TimeUnit.SECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + record, e);
        }
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
