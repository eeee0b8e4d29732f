package fr.labos.partenariats.matchmaking.matching.exclusion;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.matchmaking.projection.kafka.TopicEnds;
import fr.labos.partenariats.platform.relay.RelayedHeaders;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventUpcasts;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows every partition of {@code lab.matchmaking.events} from offset 0, in a thread of its own, and hands the
 * introduction steps that decide exclusions to {@link IntroducedPairs}, and the meetings held at speed-meeting sessions
 * to whoever keeps them (the sessions' earlier meetings: one pass over the topic feeds both). No consumer group and nothing committed: each
 * instance rebuilds the whole state at start, so all instances answer alike. The state counts as caught up once the
 * positions reached the ends the partitions had when this instance started (or at once while the topic does not exist
 * yet). A record it cannot read is logged and passed over; after a failure of Kafka it starts again from the first
 * record not yet handed over.
 */
final class IntroductionEventTail {

    private static final Logger log = LoggerFactory.getLogger(IntroductionEventTail.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final long PARTITIONS_CHECK_MILLIS = 30_000;
    private static final Map<String, Class<?>> STEPS = Map.of(
            EventCatalog.typeName(IntroductionProposedEvent.class), IntroductionProposedEvent.class,
            EventCatalog.typeName(IntroductionAcceptedEvent.class), IntroductionAcceptedEvent.class,
            EventCatalog.typeName(IntroductionDeclinedEvent.class), IntroductionDeclinedEvent.class,
            EventCatalog.typeName(IntroductionExpiredEvent.class), IntroductionExpiredEvent.class,
            EventCatalog.typeName(IntroductionWithdrawnEvent.class), IntroductionWithdrawnEvent.class,
            EventCatalog.typeName(OutcomeRecordedEvent.class), OutcomeRecordedEvent.class);
    private static final String SESSION_MEETING_HELD = EventCatalog.typeName(SessionMeetingHeldEvent.class);

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private final IntroducedPairs pairs;
    private final Consumer<SessionMeetingHeldEvent> sessionMeetings;
    private final Map<Integer, Long> next = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Map<TopicPartition, Long> endsAtStart;

    IntroductionEventTail(Map<String, Object> kafkaProperties, String topic, IntroducedPairs pairs) {
        this(kafkaProperties, topic, pairs, held -> {
        });
    }

    IntroductionEventTail(Map<String, Object> kafkaProperties, String topic, IntroducedPairs pairs,
                          Consumer<SessionMeetingHeldEvent> sessionMeetings) {
        this.sessionMeetings = sessionMeetings;
        Map<String, Object> configuration = new HashMap<>(kafkaProperties);
        configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configuration.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        configuration.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configuration.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "introduced-pairs-tail");
        this.consumerProperties = Map.copyOf(configuration);
        this.topic = topic;
        this.pairs = pairs;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, "introduced-pairs-tail");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException stopping) {
                // stop() was called
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Following {} for the introduced pairs failed, starting again from {} in {} ms: {}", topic,
                            next, PAUSE.toMillis(), e.toString());
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> assigned = List.of();
        long checkedAt = 0;
        while (running) {
            if (System.currentTimeMillis() - checkedAt > (assigned.isEmpty() ? PAUSE.toMillis() : PARTITIONS_CHECK_MILLIS)) {
                checkedAt = System.currentTimeMillis();
                List<TopicPartition> partitions = partitions(kafka);
                if (partitions.size() != assigned.size()) {
                    assigned = assign(kafka, partitions);
                }
            }
            if (assigned.isEmpty()) {
                // No topic yet: no introduction either, nothing to wait for.
                pairs.markCaughtUp();
                pause();
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                handle(record);
                next.put(record.partition(), record.offset() + 1);
            }
            if (!pairs.isCaughtUp() && TopicEnds.reached(kafka, endsAtStart)) {
                log.info("Introduced pairs caught up with {}: {} introductions", topic, pairs.introductionCount());
                pairs.markCaughtUp();
            }
        }
    }

    private List<TopicPartition> assign(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
        kafka.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = next.get(partition.partition());
            if (offset == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, offset);
            }
        }
        if (endsAtStart == null) {
            endsAtStart = kafka.endOffsets(partitions);
        }
        log.info("Introduced pairs follow {} partitions of {} from {}", partitions.size(), topic, next);
        return partitions;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void handle(ConsumerRecord<String, String> record) {
        String type = RelayedHeaders.text(record, EventHeaders.EVENT_TYPE);
        if (SESSION_MEETING_HELD.equals(type)) {
            read(record, SessionMeetingHeldEvent.class).ifPresent(held ->
                    sessionMeetings.accept((SessionMeetingHeldEvent) held));
            return;
        }
        Class<?> step = type == null ? null : STEPS.get(type);
        if (step == null) {
            return;
        }
        read(record, step).ifPresent(event -> pairs.apply(RelayedHeaders.text(record, EventHeaders.AGGREGATE_ID),
                Long.parseLong(RelayedHeaders.text(record, EventHeaders.AGGREGATE_SEQUENCE)), event));
    }

    private Optional<Object> read(ConsumerRecord<String, String> record, Class<?> type) {
        String problem;
        String revision = RelayedHeaders.text(record, EventHeaders.EVENT_REVISION);
        if (revision == null || !EventUpcasts.canRead(type, revision)) {
            problem = "unknown revision " + revision;
        } else if (RelayedHeaders.text(record, EventHeaders.AGGREGATE_ID) == null
                || !isNumber(RelayedHeaders.text(record, EventHeaders.AGGREGATE_SEQUENCE))) {
            problem = "no aggregate id or sequence";
        } else if (record.value() == null) {
            problem = "no value"; // a tombstone: an operator's tool, never the relay
        } else {
            try {
                Object event = EventUpcasts.read(record.value(), type, revision);
                if (event != null) {
                    return Optional.of(event);
                }
                problem = "no payload";
            } catch (JsonProcessingException e) {
                problem = e.getOriginalMessage();
            }
        }
        log.error("Passing over unreadable {} at {}-{}@{}: {}", type.getSimpleName(), record.topic(), record.partition(),
                record.offset(), problem);
        return Optional.empty();
    }

    private static boolean isNumber(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 19;
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
