package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.MatchingProjection;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.ProjectionMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Feeds the matching projection from {@code lab.profile.events}. The container commits a record's offset only after
 * this method returns, that is after the MongoDB write (ack mode {@code record}); a failure is thrown to the
 * container's error handler, which retries it (see {@link ProjectionConsumerConfiguration}).
 */
@Component
class ProfileEventListener {

    static final String LISTENER_ID = "matching-projection";

    private static final Logger log = LoggerFactory.getLogger(ProfileEventListener.class);

    private final MatchingProjection projection;
    private final ProjectionMetrics metrics;

    ProfileEventListener(MatchingProjection projection, ProjectionMetrics metrics) {
        this.projection = projection;
        this.metrics = metrics;
    }

    // idIsGroup = false: the group id is spring.kafka.consumer.group-id, configurable, not the listener's id.
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${matchmaking.projection.topic:lab.profile.events}")
    void on(ConsumerRecord<String, String> record) {
        Optional<ProfileEvent> event = ProfileEventReader.read(record);
        if (event.isEmpty()) {
            log.debug("Skipping event of unknown type {} at {}-{}@{}", ProfileEventReader.typeOf(record),
                    record.topic(), record.partition(), record.offset());
            metrics.record(ProfileEventReader.typeOf(record), EventOutcome.UNKNOWN_TYPE, null);
            return;
        }
        EventOutcome outcome = projection.apply(event.get());
        log.debug("{} {} #{} of {}: {}", event.get().type(), event.get().eventId(), event.get().sequence(),
                event.get().aggregateId(), outcome.tag());
        metrics.record(event.get().type(), outcome, event.get().timestamp());
    }
}
