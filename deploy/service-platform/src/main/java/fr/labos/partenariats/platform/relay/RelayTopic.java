package fr.labos.partenariats.platform.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The relay's topic, created when it is missing and never changed once it exists.
 *
 * <p>Declared as a {@code NewTopic} bean, Spring's {@link KafkaAdmin} would raise an existing topic's partitions to
 * the configured count. The key of a record (its aggregate's id) then hashes to another partition than before: an
 * actor's or an introduction's later events land on a partition other than its earlier ones, and a consumer that
 * reads the new partition first — when it lags, and on every rebuild from offset 0 — applies the later events first
 * and drops the earlier ones as already seen. The deploy guide's rule is that a topic holding events keeps its
 * partition count; a changed setting must not break it behind the operator's back: a topic whose partitions differ
 * from the setting is left as it is, and said so.
 */
final class RelayTopic implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RelayTopic.class);

    private final KafkaAdmin admin;
    private final NewTopic topic;

    RelayTopic(KafkaAdmin admin, NewTopic topic) {
        this.admin = admin;
        this.topic = topic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureExists();
    }

    /**
     * Creates the topic if the broker does not know it; otherwise only compares its partitions with the setting. A
     * broker out of reach is not fatal here, as with Spring's own topic declarations: the relay retries its sends.
     */
    void ensureExists() {
        TopicDescription existing;
        try {
            existing = admin.describeTopics(topic.name()).get(topic.name());
        } catch (KafkaException e) {
            if (!isUnknownTopic(e)) {
                log.warn("Could not check Kafka topic {} at start-up (left to the broker as it is): {}", topic.name(),
                        e.getMessage());
                return;
            }
            try {
                admin.createOrModifyTopics(topic);
                log.info("Created Kafka topic {} with {} partitions", topic.name(), topic.numPartitions());
            } catch (KafkaException notCreated) {
                log.warn("Could not create Kafka topic {} at start-up: {}", topic.name(), notCreated.getMessage());
            }
            return;
        }
        int partitions = existing.partitions().size();
        if (partitions != topic.numPartitions()) {
            log.warn("Kafka topic {} has {} partitions where {} are configured: left as it is (the setting applies "
                            + "only to a topic the relay creates; more partitions would send an aggregate's next events "
                            + "to another partition than its earlier ones)", topic.name(), partitions,
                    topic.numPartitions());
        }
    }

    private static boolean isUnknownTopic(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownTopicOrPartitionException) {
                return true;
            }
        }
        return false;
    }
}
