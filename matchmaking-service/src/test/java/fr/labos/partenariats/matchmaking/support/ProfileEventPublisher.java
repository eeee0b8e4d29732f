package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.platform.testing.RelayedRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Instant;

/**
 * Plays profile-service's relay in tests: sends events with the contract's key and headers ({@link ProfileRecords}),
 * through the platform's {@link RelayedRecords} producer (acks=all, each send waited for).
 */
public final class ProfileEventPublisher implements AutoCloseable {

    private final String topic;
    private final RelayedRecords producer;

    public ProfileEventPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new RelayedRecords(bootstrapServers, topic);
    }

    /** Sends one event of an aggregate at its sequence number (0 for the registration); where the broker put it. */
    public RecordMetadata publish(String aggregateId, long sequence, Object event) {
        return send(ProfileRecords.record(topic, aggregateId, sequence, event, Instant.now()));
    }

    /** Sends a record as is, e.g. one that breaks the contract; where the broker put it. */
    public RecordMetadata send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close();
    }
}
