package fr.labos.partenariats.platform.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * Adds {@link KafkaHealthIndicator} to a service that talks to Kafka (it names its brokers in
 * {@code spring.kafka.bootstrap-servers}); {@code lab.health.kafka-timeout} bounds it.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaAdmin.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
@ConditionalOnEnabledHealthIndicator("kafka")
public class KafkaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, @Value("${lab.health.kafka-timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(admin, timeout);
    }
}
