package fr.labos.partenariats.matchmaking.projection.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic of the projection ({@code <topic>.DLT}): a record no retry can apply is copied there, key,
 * value and headers as they were, with spring-kafka's headers saying why ({@value KafkaHeaders#DLT_EXCEPTION_MESSAGE})
 * and where it came from ({@value KafkaHeaders#DLT_ORIGINAL_PARTITION}, {@value KafkaHeaders#DLT_ORIGINAL_OFFSET}...).
 * It waits for the broker's acknowledgement, so a record is parked before its position moves past it.
 */
@Component
public class DeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;
    private final String topic;

    @Autowired
    DeadLetters(KafkaTemplate<?, ?> template, ProjectionConsumerProperties properties) {
        this(template, properties.deadLetterTopic());
    }

    /** The dead-letter topic of another consumer, e.g. another read model's. */
    public DeadLetters(KafkaTemplate<?, ?> template, String topic) {
        this.topic = topic;
        // Partition -1: let the key choose, the dead-letter topic need not have the partitions of the original.
        this.recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> new TopicPartition(topic, -1));
        this.recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
    }

    public String topic() {
        return topic;
    }

    /** Copies the record to the dead-letter topic with the reason; throws if the broker does not acknowledge it. */
    public void park(ConsumerRecord<?, ?> record, Exception reason) {
        recoverer.accept(record, reason);
    }
}
