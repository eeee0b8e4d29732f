package fr.labos.partenariats.matchmaking.projection.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the projection's consumer treats failures. A record no retry can read is no failure here: the listener parks it
 * on the dead-letter topic ({@link DeadLetters}) and goes on. Anything thrown out of the listener may heal (MongoDB
 * unreachable, a timeout, a bug fixed by a redeploy): the batch is retried for ever with exponential back-off, the
 * partition waits, the Kafka consumer's records lag ({@code kafka_consumer_fetch_manager_records_lag_max}) grows, the
 * health endpoint shows why, and no event is ever skipped. Spring Boot's
 * listener container factory picks this error handler up by type.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumerConfiguration {

    @Bean
    DefaultErrorHandler projectionErrorHandler(ProjectionConsumerProperties properties) {
        ExponentialBackOff untilItHeals = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        untilItHeals.setMaxInterval(properties.retryMaxInterval().toMillis());
        ConsumerRecordRecoverer refuseToSkip = (record, exception) -> {
            // Unreachable with an unbounded back-off; should it ever happen, refuse to skip the record.
            throw new IllegalStateException("Refusing to skip a record whose failure may heal", exception);
        };
        return new DefaultErrorHandler(refuseToSkip, untilItHeals);
    }

    /** Created at start if missing (production creates it with the other topics); kept for ever, like the topic. */
    @Bean
    NewTopic profileEventsDeadLetters(ProjectionConsumerProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
