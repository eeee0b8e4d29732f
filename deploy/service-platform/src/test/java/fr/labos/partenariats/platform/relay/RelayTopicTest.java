package fr.labos.partenariats.platform.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's topic against a real broker: created when missing, never re-partitioned when it exists. */
@EmbeddedKafka(kraft = true)
class RelayTopicTest {

    private KafkaAdmin admin;

    @BeforeEach
    void admin(EmbeddedKafkaBroker broker) {
        admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @Test
    void aMissingTopicIsCreatedWithTheConfiguredPartitionsAndKeptForever() throws Exception {
        String name = "lab.test.missing-" + UUID.randomUUID();

        new RelayTopic(admin, relayTopic(name, 3)).ensureExists();

        assertThat(describe(name).partitions()).hasSize(3);
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
            assertThat(client.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    /**
     * A topic created with 2 partitions and a relay configured for 6 (an operator's changed setting): the topic keeps
     * its 2, or an aggregate's next events would hash to another partition than its earlier ones.
     */
    @Test
    void anExistingTopicKeepsItsPartitionsWhateverTheSettingSays() {
        String name = "lab.test.existing-" + UUID.randomUUID();
        admin.createOrModifyTopics(TopicBuilder.name(name).partitions(2).replicas(1).build());

        new RelayTopic(admin, relayTopic(name, 6)).ensureExists();

        assertThat(describe(name).partitions()).hasSize(2);
    }

    /**
     * The broker out of reach at start-up: the topic is not taken for there (the relay would send, and a broker
     * creating topics on demand would make it with its own week of retention); once the broker answers, the next
     * batch's check creates it as configured.
     */
    @Test
    void aTopicNotFoundAtStartUpIsLookedForAgainAndCreatedAsConfiguredBeforeTheRelaySends(EmbeddedKafkaBroker broker)
            throws Exception {
        String name = "lab.test.later-" + UUID.randomUUID();
        AtomicReference<String> servers = new AtomicReference<>("127.0.0.1:" + closedPort());
        KafkaAdmin later = new KafkaAdmin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
        later.setBootstrapServersSupplier(servers::get);
        later.setOperationTimeout(2);
        RelayTopic topic = new RelayTopic(later, relayTopic(name, 3));

        topic.ensureExists();
        assertThat(topic.ready()).as("the broker out of reach").isFalse();

        servers.set(broker.getBrokersAsString());
        assertThat(topic.ready()).isTrue();
        assertThat(describe(name).partitions()).hasSize(3);
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            ConfigResource config = new ConfigResource(ConfigResource.Type.TOPIC, name);
            assertThat(client.describeConfigs(List.of(config)).all().get().get(config)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static NewTopic relayTopic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    private TopicDescription describe(String name) {
        return admin.describeTopics(name).get(name);
    }
}
