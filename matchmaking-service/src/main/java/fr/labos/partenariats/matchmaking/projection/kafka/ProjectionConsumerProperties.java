package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.schema.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Knobs of the consumer that feeds the matching projection ({@code matchmaking.projection.*}). The group id, offset
 * reset and ack mode are Spring Boot's own {@code spring.kafka.*} keys, set in {@code matchmaking-service.yml}.
 *
 * @param topic               the profile events topic; only tests change it, to keep their runs apart
 * @param retryInitialInterval first pause after a failure that may heal (MongoDB away); doubles up to the max
 * @param retryMaxInterval    longest pause between attempts; such failures are retried for ever, never skipped
 * @param poisonAttempts      attempts given to an unreadable record before it is logged, counted and skipped
 * @param poisonInterval      pause between those attempts
 * @param rebuildFromTopic    rebuild the projection and the index from offset 0 of the topic at this start (see
 *                            {@link ProfileEventListener}); leave false for ordinary starts
 */
@ConfigurationProperties("matchmaking.projection")
record ProjectionConsumerProperties(
        @DefaultValue(Topics.PROFILE_EVENTS) String topic,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("3") int poisonAttempts,
        @DefaultValue("200ms") Duration poisonInterval,
        @DefaultValue("false") boolean rebuildFromTopic) {
}
