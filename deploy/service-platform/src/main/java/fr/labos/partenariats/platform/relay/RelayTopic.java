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
 *
 * <p>Nor is the topic left to the broker: a producer always asks for a topic it sends to, and a broker that creates
 * topics on demand would create this one with its defaults (one partition, a week's retention: events older than
 * that deleted from a topic meant to keep them all). The relay sends nothing until the topic is known to be there
 * ({@link #ready}): when the broker was out of reach at start-up, it is looked for — and created as configured —
 * again before each batch the relay tries.
 */
final class RelayTopic implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RelayTopic.class);

    private final KafkaAdmin admin;
    private final NewTopic topic;
    /** Seen on the broker (found, or created as configured): from then on, the relay may send to it. */
    private volatile boolean confirmed;

    RelayTopic(KafkaAdmin admin, NewTopic topic) {
        this.admin = admin;
        this.topic = topic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureExists();
    }

    /** Whether the relay may send: the topic is there; else it is looked for, and created if missing, once more. */
    boolean ready() {
        if (!confirmed) {
            synchronized (this) {
                if (!confirmed) ensureExists();
            }
        }
        return confirmed;
    }

    /**
     * Creates the topic if the broker does not know it; otherwise only compares its partitions with the setting. A
     * broker out of reach is not fatal here, as with Spring's own topic declarations: {@link #ready} asks again.
     */
    void ensureExists() {
        TopicDescription existing;
        try {
            existing = admin.describeTopics(topic.name()).get(topic.name());
        } catch (KafkaException e) {
            if (!isUnknownTopic(e)) {
                log.warn("Could not check Kafka topic {} (the relay sends nothing to it until it can): {}", topic.name(),
                        e.getMessage());
                return;
            }
            try {
                admin.createOrModifyTopics(topic);
                confirmed = true;
                log.info("Created Kafka topic {} with {} partitions", topic.name(), topic.numPartitions());
            } catch (KafkaException notCreated) {
                log.warn("Could not create Kafka topic {} (the relay sends nothing to it until it can): {}",
                        topic.name(), notCreated.getMessage());
            }
            return;
        }
        confirmed = true;
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
