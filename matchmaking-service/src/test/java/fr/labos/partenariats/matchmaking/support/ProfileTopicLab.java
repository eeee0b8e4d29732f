package fr.labos.partenariats.matchmaking.support;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/**
 * What a test of the projection needs around matchmaking-service: a profile topic of its own on the shared broker, a
 * MongoDB stand-in, a publisher of profile events on that topic, and an admin client to read the consumer group.
 *
 * @param topic     the test's profile topic
 * @param mongo     the MongoDB stand-in the service's projection writes to
 * @param publisher publishes profile events on {@code topic}, as profile-service's relay would
 * @param admin     reads the broker's view of consumer groups and offsets
 */
public record ProfileTopicLab(String topic, InMemoryMongo mongo, ProfileEventPublisher publisher, AdminClient admin)
        implements AutoCloseable {

    public static ProfileTopicLab start(String topicName) {
        String topic = SharedKafka.newTopic(topicName);
        return new ProfileTopicLab(topic, InMemoryMongo.start(),
                new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic),
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers())));
    }

    /** A matchmaking-service following this topic into this MongoDB, in consumer group {@code group}. */
    public RunningMatchmaking startService(String group, String... properties) {
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, group, properties);
    }

    @Override
    public void close() {
        admin.close();
        publisher.close();
        mongo.close();
    }
}
