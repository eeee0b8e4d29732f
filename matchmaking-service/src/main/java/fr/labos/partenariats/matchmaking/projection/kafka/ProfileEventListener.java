package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.MatchingProjection;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.ProjectionMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds the matching projection from {@code lab.profile.events}. The container commits a record's offset only after
 * this method returns, that is after the MongoDB write (ack mode {@code record}); a failure is thrown to the
 * container's error handler, which retries it (see {@link ProjectionConsumerConfiguration}).
 *
 * <p>With {@code matchmaking.projection.rebuild-from-topic=true}, each partition is rewound to offset 0 the first
 * time this process is assigned it, and the projection empties itself before its first event
 * ({@link MatchingProjection#open()}): the projection, then the index, are rebuilt from the whole topic. The group's
 * offsets move on as usual, so the next start without the flag resumes where the rebuild got to.
 */
@Component
class ProfileEventListener implements ConsumerSeekAware {

    static final String LISTENER_ID = "matching-projection";

    private static final Logger log = LoggerFactory.getLogger(ProfileEventListener.class);

    private final MatchingProjection projection;
    private final ProjectionMetrics metrics;
    private final boolean rebuildFromTopic;
    private final Set<TopicPartition> rewound = ConcurrentHashMap.newKeySet();

    ProfileEventListener(MatchingProjection projection, ProjectionMetrics metrics, ProjectionConsumerProperties properties) {
        this.projection = projection;
        this.metrics = metrics;
        this.rebuildFromTopic = properties.rebuildFromTopic();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!rebuildFromTopic) {
            return;
        }
        List<TopicPartition> firstTime = new ArrayList<>();
        for (TopicPartition partition : assignments.keySet()) {
            if (rewound.add(partition)) {
                firstTime.add(partition);
            }
        }
        if (!firstTime.isEmpty()) {
            log.warn("Rebuilding the matching projection: rewinding {} to offset 0", firstTime);
            callback.seekToBeginning(firstTime);
        }
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
