package fr.labos.partenariats.profile.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the profile events topic. It keeps events forever (retention -1) so that any read model can be
 * rebuilt from offset 0; partitions are keyed by aggregate id so each aggregate's events stay in order.
 */
@Configuration
class RelayTopicConfiguration {

    @Bean
    NewTopic profileEventsTopic(@Value("${lab.relay.topic}") String topic,
                                @Value("${lab.relay.topic-partitions}") int partitions,
                                @Value("${lab.relay.topic-replication-factor}") short replicationFactor) {
        return TopicBuilder.name(topic)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }
}
