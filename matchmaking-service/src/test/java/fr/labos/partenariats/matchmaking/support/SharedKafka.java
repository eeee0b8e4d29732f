package fr.labos.partenariats.matchmaking.support;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * One real Kafka broker (KRaft, in-process) for the whole test run: starting one costs seconds, so test classes share
 * it and keep apart by topic and consumer group.
 */
public final class SharedKafka {

    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            // Events keep the dates they happened at, some older than Kafka's default 7-day retention, which the
            // broker's first retention check (30 s after its start) would delete under a rebuild from offset 0. The
            // lab's topics keep their events forever, and so does this broker.
            broker.brokerProperties(Map.of("log.retention.ms", "-1"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
        }
        return broker.getBrokersAsString();
    }

    /** A topic of its own for a test class, with the partitions of the real one's shape. */
    public static synchronized String newTopic(String name) {
        bootstrapServers();
        broker.addTopics(new NewTopic(name, PARTITIONS, (short) 1));
        return name;
    }
}
