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

    private static NewTopic relayTopic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    private TopicDescription describe(String name) {
        return admin.describeTopics(name).get(name);
    }
}
