package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.kafka.DeadLetters;
import fr.labos.partenariats.matchmaking.projection.kafka.ResumeFromStoredPositions;
import fr.labos.partenariats.schema.EventCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Feeds the introduction views from {@code lab.matchmaking.events}, a poll's batch at a time, the way the profile
 * projection is fed: the batch's views are written ({@link IntroductionViewProjection}), its unreadable introduction
 * events parked on this consumer's dead-letter topic, and only then each partition's position is saved in MongoDB
 * next to the views, so a position never runs ahead of what it covers. Every batch is checked against the stored
 * positions ({@link ResumeFromStoredPositions}); Kafka's committed offsets only show the lag. A failure is thrown to
 * the container's error handler, which retries the batch for ever (the profile projection's
 * {@code DefaultErrorHandler}); a retried batch finds its events already applied.
 *
 * <p>Events of other kinds on the topic (sessions, tree heads) are skipped and counted, not parked; so are types this
 * release does not know, counted apart ({@code outcome="unknown"}) and logged, since a newer release wrote them.
 * Instances share the group {@code matchmaking.introduction-views.group-id}: each partition has one writer.
 */
@Component
class IntroductionEventListener implements ConsumerSeekAware {

    static final String LISTENER_ID = "introduction-views";
    static final String EVENTS = "lab.introduction.views.events";

    private static final Logger log = LoggerFactory.getLogger(IntroductionEventListener.class);
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final IntroductionViewProjection projection;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final String topic;
    private final Set<String> unknownTypesLogged = ConcurrentHashMap.newKeySet();

    IntroductionEventListener(IntroductionViewProjection projection, KafkaTemplate<?, ?> kafka, MeterRegistry meters,
                              IntroductionViewProperties properties) {
        this.projection = projection;
        this.deadLetters = new DeadLetters(kafka, properties.deadLetterTopic());
        this.meters = meters;
        this.topic = properties.topic();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        try {
            projection.open();
            Map<Integer, Long> stored = projection.positions().read(topic);
            for (TopicPartition partition : assignments.keySet()) {
                Long from = stored.get(partition.partition());
                if (from == null) {
                    callback.seekToBeginning(List.of(partition));
                } else {
                    callback.seek(partition.topic(), partition.partition(), from);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the introduction views' positions at assignment, checking them at the first batch: {}", e.toString());
        }
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, groupId = "${matchmaking.introduction-views.group-id:matchmaking-introduction-views}",
            topics = "${matchmaking.introduction-views.topic:lab.matchmaking.events}", batch = "true")
    void on(List<ConsumerRecord<String, String>> batch, Consumer<?, ?> consumer) {
        projection.open();
        List<ConsumerRecord<String, String>> records = ResumeFromStoredPositions.recordsToApply(batch, consumer,
                () -> projection.positions().read(topic));
        Map<Integer, Long> next = new LinkedHashMap<>();
        List<IntroductionEvent> events = new ArrayList<>();
        Map<ConsumerRecord<String, String>, MalformedEventException> malformed = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            next.put(record.partition(), record.offset() + 1);
            try {
                Optional<IntroductionEvent> event = IntroductionEventReader.read(record);
                if (event.isEmpty()) {
                    skip(record);
                    continue;
                }
                IntroductionViewChanges.check(event.get());
                events.add(event.get());
            } catch (MalformedEventException e) {
                malformed.put(record, e);
            }
        }
        List<Boolean> applied = projection.applyAll(events);
        malformed.forEach((record, reason) -> {
            log.error("Parking unreadable introduction event at {}-{}@{} (key {}, type {}) on {}: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), IntroductionEventReader.typeOf(record),
                    deadLetters.topic(), reason.getMessage());
            deadLetters.park(record, reason);
            count(IntroductionEventReader.typeOf(record), "poison");
        });
        projection.positions().save(topic, next);
        for (int i = 0; i < events.size(); i++) {
            count(events.get(i).type(), applied.get(i) ? "applied" : "duplicate");
        }
    }

    /**
     * A record of another kind of event: a session's, a tree head, counted as {@code skipped}; or of a type this release
     * does not know, counted as {@code unknown} under its type and logged: an instance of a newer release wrote it
     * (during a rolling upgrade), and if it changes introductions, these views missed it for good — rebuild them from
     * the topic once every instance runs the newer release.
     */
    private void skip(ConsumerRecord<String, String> record) {
        String type = IntroductionEventReader.typeOf(record);
        if (type == null || EventCatalog.typeFor(type).isPresent()) {
            count("other", "skipped");
            return;
        }
        if (unknownTypesLogged.add(type)) { // once per type: a rolling upgrade may bring many
            log.warn("Skipping {} at {}-{}@{}, a type this release does not know (written by a newer release?): if it "
                    + "changes introductions, rebuild the introduction views from the topic once every instance runs that "
                    + "release; its records are counted in {}{outcome=\"unknown\"}", type, record.topic(),
                    record.partition(), record.offset(), EVENTS);
        }
        count(type, "unknown");
    }

    private void count(String type, String outcome) {
        Counter.builder(EVENTS)
                .description("Records of the matchmaking topic consumed by the introduction views, by type and outcome")
                .tag("type", type != null && TYPE_NAME.matcher(type).matches() ? type : "invalid")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
