package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.schema.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Knobs of the consumers that feed the matching projection and the index ({@code matchmaking.projection.*}). The
 * group id, offset reset, batch size and ack mode are Spring Boot's own {@code spring.kafka.*} keys, set in
 * {@code matchmaking-service.yml}.
 *
 * @param topic               the profile events topic; only tests change it, to keep their runs apart
 * @param deadLetters         where records that cannot be applied are parked; {@code <topic>.DLT} when blank
 * @param retryInitialInterval first pause after a failure that may heal (MongoDB away); doubles up to the max
 * @param retryMaxInterval    longest pause between attempts; such failures are retried for ever, never skipped
 * @param healthTimeout       how long the kafka health check waits for the cluster to answer
 * @param rebuildFromTopic    rebuild the projection and the index from offset 0 of the topic at this start (see
 *                            {@link ProfileEventListener}); leave false for ordinary starts
 */
@ConfigurationProperties("matchmaking.projection")
record ProjectionConsumerProperties(
        @DefaultValue(Topics.PROFILE_EVENTS) String topic,
        @DefaultValue("") String deadLetters,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("2s") Duration healthTimeout,
        @DefaultValue("false") boolean rebuildFromTopic) {

    String deadLetterTopic() {
        return deadLetters == null || deadLetters.isBlank() ? topic + ".DLT" : deadLetters;
    }
}
