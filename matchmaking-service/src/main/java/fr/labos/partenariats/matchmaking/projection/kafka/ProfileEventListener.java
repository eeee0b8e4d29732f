package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.MatchingProjection;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.ProjectionMetrics;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds the matching projection from {@code lab.profile.events}, a poll's batch at a time: the batch's documents are
 * written (bulk writes, see {@link MatchingProjection#applyAll}), its unreadable records parked on the dead-letter
 * topic, and only then each partition's position is written to MongoDB ({@link ProjectionPositions}), so the position
 * never runs ahead of the documents it covers. A failure is thrown to the container's error handler, which retries
 * the batch (see {@link ProjectionConsumerConfiguration}); a retried batch finds its documents already written.
 *
 * <p>The positions in MongoDB, not Kafka's committed offsets, say where to resume: every batch is checked against the
 * stored positions of its partitions, and a partition whose first record is not its stored position is moved there
 * (a store that lost its last writes lost their position too, and gets them again). Checking every batch, not only
 * the first after an assignment, is what covers a MongoDB that crashed and came back between two batches while this
 * consumer kept running: nothing failed, yet the store forgot writes this consumer had made. It costs one small read
 * per batch. The container still commits offsets after each batch: they show the group's lag to Kafka's tools,
 * nothing more.
 *
 * <p>With {@code matchmaking.projection.rebuild-from-topic=true}, the projection empties itself, positions included,
 * before its first event ({@link MatchingProjection#open()}): every partition then resumes from offset 0.
 */
@Component
class ProfileEventListener implements ConsumerSeekAware {

    static final String LISTENER_ID = "matching-projection";

    private static final Logger log = LoggerFactory.getLogger(ProfileEventListener.class);

    private final MatchingProjection projection;
    private final ProjectionPositions positions;
    private final DeadLetters deadLetters;
    private final ProjectionMetrics metrics;
    private final String topic;

    ProfileEventListener(MatchingProjection projection, ProjectionPositions positions, DeadLetters deadLetters,
                         ProjectionMetrics metrics, ProjectionConsumerProperties properties) {
        this.projection = projection;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.topic = properties.topic();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        try {
            projection.open();
            Map<Integer, Long> stored = positions.read(topic);
            for (TopicPartition partition : assignments.keySet()) {
                Long from = stored.get(partition.partition());
                if (from == null) {
                    callback.seekToBeginning(List.of(partition));
                } else {
                    callback.seek(partition.topic(), partition.partition(), from);
                }
            }
            log.info("Projection resumes {} from its stored positions {} (committed offsets were {})",
                    assignments.keySet(), stored, assignments);
        } catch (RuntimeException e) {
            // MongoDB away: every batch is checked against the stored positions anyway.
            log.warn("Cannot read the projection's positions at assignment, checking them at the first batch: {}", e.toString());
        }
    }

    // idIsGroup = false: the group id is spring.kafka.consumer.group-id, configurable, not the listener's id.
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${matchmaking.projection.topic:lab.profile.events}", batch = "true")
    void on(List<ConsumerRecord<String, String>> batch, Consumer<?, ?> consumer) {
        projection.open();
        List<ConsumerRecord<String, String>> records = ResumeFromStoredPositions.recordsToApply(batch, consumer,
                () -> positions.read(topic));
        Map<Integer, Long> next = new LinkedHashMap<>();
        List<ProfileEvent> events = new ArrayList<>();
        List<ConsumerRecord<String, String>> unknown = new ArrayList<>();
        Map<ConsumerRecord<String, String>, MalformedEventException> malformed = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            next.put(record.partition(), record.offset() + 1);
            try {
                Optional<ProfileEvent> event = ProfileEventReader.read(record);
                if (event.isEmpty()) {
                    unknown.add(record);
                    continue;
                }
                projection.check(event.get());
                events.add(event.get());
            } catch (MalformedEventException e) {
                malformed.put(record, e);
            }
        }
        List<EventOutcome> outcomes = projection.applyAll(events);
        for (ConsumerRecord<String, String> record : unknown) {
            log.warn("Parking profile event of unknown type {} at {}-{}@{} on {}", ProfileEventReader.typeOf(record),
                    record.topic(), record.partition(), record.offset(), deadLetters.topic());
            deadLetters.park(record, new MalformedEventException("unknown event type " + ProfileEventReader.typeOf(record)));
            metrics.record(ProfileEventReader.typeOf(record), EventOutcome.UNKNOWN_TYPE, null);
        }
        malformed.forEach((record, reason) -> {
            log.error("Parking unreadable profile event at {}-{}@{} (key {}, type {}) on {}: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), ProfileEventReader.typeOf(record),
                    deadLetters.topic(), reason.getMessage());
            deadLetters.park(record, reason);
            metrics.record(ProfileEventReader.typeOf(record), EventOutcome.POISON, null);
        });
        positions.save(topic, next);
        for (int i = 0; i < events.size(); i++) {
            ProfileEvent event = events.get(i);
            log.debug("{} {} #{} of {}: {}", event.type(), event.eventId(), event.sequence(), event.aggregateId(), outcomes.get(i).tag());
            metrics.record(event.type(), outcomes.get(i), event.timestamp());
        }
    }
}
