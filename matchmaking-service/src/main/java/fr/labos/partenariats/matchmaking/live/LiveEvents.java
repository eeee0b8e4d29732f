package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.platform.relay.RelayedHeaders;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.Topics;
import fr.labos.partenariats.schema.profile.ManagersOnly;
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
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads every partition of both event topics from their end, in a thread of its own, and tells the subscribers (the
 * open live streams of this instance) of each event. No consumer group: every instance tells its own browsers of
 * every event. Partitions that appear later (a topic created after the start) are picked up within seconds.
 * <p>
 * The reading thread never writes to a browser: each subscriber has a queue of its own, written out by a sender
 * thread of its own while it has events waiting, so that a browser that stops reading (its socket full, a write
 * blocked until it times out) holds up its own stream only. A subscriber whose queue is full ({@value #QUEUED} events
 * behind) is dropped and told so, on a thread aside — ending a stream waits for the write it is blocked in — and its
 * page opens a new stream and reads again what it shows.
 */
@Component
class LiveEvents implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITIONS_CHECK_MILLIS = 5_000;
    private static final int RECENT = 100;
    /** Events a subscriber may have waiting; a burst of a whole session's round is a few hundred. */
    static final int QUEUED = 1_000;
    /**
     * Threads that write to browsers, made as needed and kept a minute: one per stream with events waiting (a
     * subscription hands the pool one task at a time), so at most one per stream the instance holds. A write to a
     * browser that stopped reading blocks its thread until the socket times out; the other streams' go on.
     */
    private static final int SENDERS = LiveController.STREAMS_IN_ALL;

    /** Topic → source named in the notifications. */
    private final Map<String, String> sources;
    private final Map<String, Object> consumerProperties;
    private final LiveAudience audience;
    private final Map<Consumer<LiveEvent>, Subscription> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService senders = new ThreadPoolExecutor(0, SENDERS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "live-sender-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });
    /** Where streams are ended: ending one waits for the write it may be blocked in. */
    private final ExecutorService closers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-closer");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final long startedAt = System.currentTimeMillis();
    private final LivePositions positions = new LivePositions(startedAt);
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    LiveEvents(ConsumerFactory<?, ?> consumerFactory, LiveAudience audience,
               @Value("${matchmaking.projection.topic:" + Topics.PROFILE_EVENTS + "}") String profileTopic,
               @Value("${matchmaking.live.matchmaking-topic:${lab.relay.topic:" + Topics.MATCHMAKING_EVENTS + "}}") String matchmakingTopic) {
        this.audience = audience;
        this.sources = Map.of(profileTopic, "profile", matchmakingTopic, "matchmaking");
        Map<String, Object> configuration = new HashMap<>(consumerFactory.getConfigurationProperties());
        configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
        configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "live-events");
        // Asking for a topic's partitions must not create it (with the broker's default partition count).
        configuration.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        configuration.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        configuration.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerProperties = Map.copyOf(configuration);
    }

    /**
     * Calls {@code subscriber}, from a sender thread and one event at a time, for every event read from now on and
     * every {@link #keepAlive()}, until {@link #unsubscribe} — or until it throws, or falls {@value #QUEUED} events
     * behind: it is then dropped and {@code dropped} is run.
     */
    void subscribe(Consumer<LiveEvent> subscriber, Runnable dropped) {
        subscribers.put(subscriber, new Subscription(subscriber, dropped));
    }

    void unsubscribe(Consumer<LiveEvent> subscriber) {
        Subscription subscription = subscribers.remove(subscriber);
        if (subscription != null) {
            subscription.closed = true;
        }
    }

    /**
     * Runs {@code closing} (ending a stream) on a thread aside, never on the caller's: ending a stream waits for the
     * write it may be blocked in, which would hold the reading thread, or a request's, for as long.
     */
    void closeAside(Runnable closing) {
        try {
            closers.execute(() -> {
                try {
                    closing.run();
                } catch (RuntimeException e) {
                    log.debug("Live stream already ended: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // the context closes: every stream is ended with it
        }
    }

    /** Tells every subscriber {@link LiveEvent#KEEP_ALIVE}, in its turn after the events it has waiting. */
    void keepAlive() {
        subscribers.values().forEach(subscription -> subscription.offer(LiveEvent.KEEP_ALIVE));
    }

    /**
     * From when this instance tells of every event: it reads the topics from the moment it started. A page whose
     * stream was last heard before that (the instance restarted meanwhile, or another took over) may have missed some.
     */
    Instant completeSince() {
        return Instant.ofEpochMilli(startedAt);
    }

    /** The last events read (at most {@value #RECENT}), oldest first: what a stream that reconnects may have missed. */
    synchronized List<LiveEvent> recent() {
        return List.copyOf(recent);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void afterPropertiesSet() {
        thread = new Thread(this::run, "live-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdownNow();
        closers.shutdownNow();
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) { // null when the context stopped before starting it
            thread.join(5_000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties)) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Live events interrupted ({}); starting again", e.toString());
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        Set<TopicPartition> assigned = new HashSet<>();
        long lastCheck = 0;
        while (running) {
            if (System.currentTimeMillis() - lastCheck > PARTITIONS_CHECK_MILLIS) {
                lastCheck = System.currentTimeMillis();
                List<TopicPartition> added = newPartitions(kafka, assigned);
                if (!added.isEmpty()) {
                    assigned.addAll(added);
                    kafka.assign(assigned);
                    positions.seek(kafka, added);
                }
            }
            if (assigned.isEmpty()) {
                pause();
                continue;
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                positions.read(new TopicPartition(record.topic(), record.partition()), record.offset());
                LiveEvent event;
                try {
                    LiveNotification notification = notification(record);
                    event = managersOnly(notification) ? null : new LiveEvent(notification, audience.of(notification));
                } catch (RuntimeException e) {
                    // A record no relay writes (a sequence or a date unreadable): passed over, not read again for ever.
                    log.warn("Live events: passing over {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), e.toString());
                    continue;
                }
                if (event != null) {
                    publish(event);
                }
            }
        }
    }

    private List<TopicPartition> newPartitions(KafkaConsumer<String, String> kafka, Set<TopicPartition> assigned) {
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : sources.keySet()) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
            for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                if (!assigned.contains(tp)) {
                    added.add(tp);
                }
            }
        }
        return added;
    }

    void publish(LiveEvent event) {
        synchronized (this) {
            recent.addLast(event);
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
        subscribers.values().forEach(subscription -> subscription.offer(event));
    }

    /** One subscriber's waiting events, written out by one sender at a time, in order. */
    private final class Subscription {

        private final Consumer<LiveEvent> subscriber;
        private final Runnable dropped;
        private final BlockingQueue<LiveEvent> waiting = new ArrayBlockingQueue<>(QUEUED);
        private final AtomicBoolean sending = new AtomicBoolean();
        private volatile boolean closed;

        Subscription(Consumer<LiveEvent> subscriber, Runnable dropped) {
            this.subscriber = subscriber;
            this.dropped = dropped;
        }

        void offer(LiveEvent event) {
            if (closed) {
                return;
            }
            if (!waiting.offer(event)) {
                log.info("Live stream dropped: {} events behind (a browser that stopped reading)", QUEUED);
                drop();
                return;
            }
            sendIfIdle();
        }

        private void sendIfIdle() {
            if (sending.compareAndSet(false, true)) {
                try {
                    senders.execute(this::send);
                } catch (RejectedExecutionException e) {
                    // Every sender busy (or shutting down): the events wait, sent at the next offer or keep-alive.
                    sending.set(false);
                }
            }
        }

        private void send() {
            try {
                LiveEvent next;
                while (!closed && (next = waiting.poll()) != null) {
                    subscriber.accept(next);
                }
            } catch (RuntimeException e) {
                drop(); // a stream that can no longer be written to
            } finally {
                sending.set(false);
            }
            if (!closed && !waiting.isEmpty()) {
                sendIfIdle(); // an event offered between the last poll and the flag's reset
            }
        }

        private void drop() {
            closed = true;
            waiting.clear();
            if (subscribers.remove(subscriber, this)) {
                closeAside(dropped);
            }
        }
    }

    /**
     * Every signed-in reader hears of the events here (of an introduction's or a session's, which one only if it may
     * read it: {@link LiveAudience}): not of those only an actor's managers read (its invitations, {@link ManagersOnly}),
     * not even that one happened. The pages that follow members hear of the joining instead.
     */
    private static boolean managersOnly(LiveNotification notification) {
        return EventCatalog.isManagersOnly(notification.type());
    }

    private LiveNotification notification(ConsumerRecord<String, String> record) {
        String source = sources.get(record.topic());
        String sequence = RelayedHeaders.text(record, EventHeaders.AGGREGATE_SEQUENCE);
        String timestamp = RelayedHeaders.text(record, EventHeaders.TIMESTAMP);
        return new LiveNotification(RelayedHeaders.text(record, EventHeaders.EVENT_ID), source, RelayedHeaders.text(record, EventHeaders.EVENT_TYPE),
                RelayedHeaders.text(record, EventHeaders.AGGREGATE_ID) != null ? RelayedHeaders.text(record, EventHeaders.AGGREGATE_ID) : record.key(),
                sequence == null ? -1 : Long.parseLong(sequence),
                "profile".equals(source) ? RelayedHeaders.text(record, PrincipalMetadata.ACTING_FOR_HEADER) : null,
                timestamp == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(timestamp), Instant.now());
    }

    private void pause() {
        try {
            Thread.sleep(PARTITIONS_CHECK_MILLIS / 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
