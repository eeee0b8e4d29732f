package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows every partition of the profile events topic from given offsets, in a thread of its own, and hands each
 * readable event to a handler, in partition order. No consumer group: each instance of the service reads the whole
 * topic for its own in-memory index, whichever instance writes which partition of the shared projection. Records the
 * projection parks (unreadable, unknown type) are skipped here. After a failure of the handler or of Kafka, it starts
 * again from the first event not yet handed over.
 */
@Component
public class ProfileEventTail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProfileEventTail.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final long NEW_PARTITIONS_CHECK_MILLIS = 60_000;

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private Follower follower;

    ProfileEventTail(ConsumerFactory<?, ?> consumerFactory, ProjectionConsumerProperties properties) {
        Map<String, Object> configuration = new HashMap<>(consumerFactory.getConfigurationProperties());
        configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "matching-index-tail");
        this.consumerProperties = Map.copyOf(configuration);
        this.topic = properties.topic();
    }

    public String topic() {
        return topic;
    }

    /**
     * Stops following (if it did), then follows the topic from {@code from} (next offset by partition; a partition
     * absent starts at its beginning), handing every event to {@code handler} in its partition's order.
     */
    public synchronized void follow(Map<Integer, Long> from, Consumer<ProfileEvent> handler) {
        follow(from, handler, () -> {
        });
    }

    /**
     * As {@link #follow(Map, Consumer)}, and calls {@code caughtUp} once, as soon as every event the topic held when
     * following began was handed over (at once if it held none past {@code from}).
     */
    public synchronized void follow(Map<Integer, Long> from, Consumer<ProfileEvent> handler, Runnable caughtUp) {
        stop();
        follower = new Follower(new HashMap<>(from), handler, caughtUp);
        Thread thread = new Thread(follower, "matching-index-tail");
        thread.setDaemon(true);
        follower.thread = thread;
        thread.start();
    }

    /** Stops following and waits for the last handed event to be handled. */
    public synchronized void stop() {
        if (follower != null) {
            follower.stop();
            follower = null;
        }
    }

    @Override
    public void destroy() {
        stop();
    }

    private final class Follower implements Runnable {

        private final Map<Integer, Long> next;
        private final Consumer<ProfileEvent> handler;
        private final Runnable caughtUp;
        /** The end of each partition when following began: once reached, the tail has caught up. */
        private Map<TopicPartition, Long> endsAtStart;
        private boolean saidCaughtUp;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;
        private Thread thread;

        Follower(Map<Integer, Long> next, Consumer<ProfileEvent> handler, Runnable caughtUp) {
            this.next = next;
            this.handler = handler;
            this.caughtUp = caughtUp;
        }

        @Override
        public void run() {
            while (running) {
                try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
                    consumer = kafka;
                    follow(kafka);
                } catch (WakeupException stopping) {
                    // stop() was called
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("Following {} for the matching index failed, starting again from {} in {} ms: {}",
                                topic, next, PAUSE_AFTER_FAILURE.toMillis(), e.toString());
                        pause();
                    }
                } finally {
                    consumer = null;
                }
            }
        }

        private void follow(KafkaConsumer<String, String> kafka) {
            List<TopicPartition> assigned = assign(kafka);
            if (endsAtStart == null) {
                endsAtStart = kafka.endOffsets(assigned);
            }
            long checkedPartitionsAt = System.currentTimeMillis();
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    readable(record).ifPresent(handler);
                    next.put(record.partition(), record.offset() + 1);
                }
                if (!saidCaughtUp && TopicEnds.reached(kafka, endsAtStart)) {
                    saidCaughtUp = true;
                    caughtUp.run();
                }
                if (System.currentTimeMillis() - checkedPartitionsAt > NEW_PARTITIONS_CHECK_MILLIS) {
                    checkedPartitionsAt = System.currentTimeMillis();
                    if (partitions(kafka).size() != assigned.size()) {
                        assigned = assign(kafka);
                    }
                }
            }
        }

        private List<TopicPartition> assign(KafkaConsumer<String, String> kafka) {
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long offset = next.get(partition.partition());
                if (offset == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, offset);
                }
            }
            log.info("Matching index follows {} partitions of {} from {}", partitions.size(), topic, next);
            return partitions;
        }

        private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions yet");
            }
            return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        }

        private Optional<ProfileEvent> readable(ConsumerRecord<String, String> record) {
            try {
                return ProfileEventReader.read(record);
            } catch (MalformedEventException e) {
                return Optional.empty();
            }
        }

        private void pause() {
            try {
                Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            if (thread != Thread.currentThread()) {
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
