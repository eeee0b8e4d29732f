package fr.labos.partenariats.matchmaking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.labos.partenariats.matchmaking.bench.dataset.SyntheticNationalDataset;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import fr.labos.partenariats.matchmaking.support.ChildMatchmaking;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuild of the matching projection and index from offset 0 of a topic holding N profile events (default 1,000,000),
 * through the real consumer: a Kafka broker and mongo-java-server (in memory) in this JVM, matchmaking-service in a
 * JVM of its own (its resident memory sampled from /proc). The events are the synthetic national dataset's
 * registrations (actors, needs, offers), with the relay's JSON and headers.
 *
 * <pre>
 * mvn -pl matchmaking-service -am -DskipTests install
 * mvn -pl matchmaking-service test-compile exec:java \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.RebuildBenchmark [-Dbench.events=1000000] \
 *     [-Dbench.serviceJavaOpts="-Xmx1g -XX:+UseParallelGC"] [-Dbench.partitions=3] [-Dbench.maxPollRecords=1000]
 * </pre>
 */
public final class RebuildBenchmark {

    private static final String TOPIC = "bench.profile.events";

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine load average at the start: %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        int events = Integer.getInteger("bench.events", 1_000_000);
        int partitions = Integer.getInteger("bench.partitions", 3);
        String maxPollRecords = System.getProperty("bench.maxPollRecords", "1000");
        List<String> javaOpts = Arrays.asList(System.getProperty("bench.serviceJavaOpts", "-Xmx1g -XX:+UseParallelGC").split("\\s+"));

        // The synthetic events carry their own dates, many older than Kafka's default retention (7 days): a broker
        // with that default deletes them at its first retention check, 30 s after it starts, in the middle of the
        // rebuild. The lab's topics keep their events forever (retention -1), and so does this broker.
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, TOPIC);
        broker.brokerProperties(Map.of("log.retention.ms", "-1"));
        broker.afterPropertiesSet();
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        int mongoPort = mongoServer.bind().getPort();
        String mongoUri = InMemoryMongo.uriFor(mongoPort);
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            String bootstrap = broker.getBrokersAsString();
            long[] posts = new long[1];
            long publishMillis = publish(bootstrap, events, posts);
            long rawMillis = consumeRaw(bootstrap, events);
            System.out.printf("%nPublished %,d events (%,d needs and offers) in %.1f s (%,.0f events/s); raw consumer read them in %.1f s (%,.0f events/s)%n",
                    events, posts[0], publishMillis / 1000.0, events * 1000.0 / publishMillis, rawMillis / 1000.0, events * 1000.0 / rawMillis);
            rebuild(bootstrap, mongoUri, mongo, events, posts[0], javaOpts, maxPollRecords);
        } finally {
            mongoServer.shutdownNow();
            broker.destroy();
        }
        System.exit(0);
    }

    private static long publish(String bootstrap, int events, long[] posts) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        // About 1.45 events per open post (one actor for 2.65 posts, 5 % expired): enough posts for the events asked.
        Iterator<Object> dataset = SyntheticNationalDataset.generate((int) (events / 1.3), 20261126L).events().iterator();
        long started = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                Object event = dataset.next();
                String id;
                Instant at;
                if (event instanceof ActorRegisteredEvent e) {
                    id = e.actorId();
                    at = e.registeredAt();
                } else if (event instanceof NeedRegisteredEvent e) {
                    id = e.needId();
                    at = e.registeredAt();
                    posts[0]++;
                } else if (event instanceof OfferRegisteredEvent e) {
                    id = e.offerId();
                    at = e.registeredAt();
                    posts[0]++;
                } else {
                    throw new IllegalStateException("unexpected " + event);
                }
                producer.send(ProfileRecords.record(TOPIC, id, 0, event, at), (metadata, exception) -> {
                    if (exception != null) {
                        failure.set(exception);
                    }
                });
                if (i % 100_000 == 0) {
                    System.out.printf("published %,d%n", i);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused an event", failure.get());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The physical limit: the same topic read by a plain consumer, strings only, nothing applied. */
    private static long consumeRaw(String bootstrap, int events) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        long started = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> all = consumer.partitionsFor(TOPIC).stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (read < events) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void rebuild(String bootstrap, String mongoUri, MongoClient mongo, int events, long posts,
                                List<String> javaOpts, String maxPollRecords) throws InterruptedException, java.io.IOException {
        long started = System.nanoTime();
        long ready = -1;
        long firstApplied = -1;
        long projectionDone = -1;
        long indexDone = -1;
        long peakRss = 0;
        long lastRss = 0;
        long lastPrint = 0;
        long deadline = started + Duration.ofMinutes(30).toNanos();
        double harnessCpuAtStart = ChildMatchmaking.cpuSeconds(ProcessHandle.current().pid()).orElse(Double.NaN);
        double cpuAtFirst = Double.NaN;
        double cpuAtProjection = Double.NaN;
        double cpuAtIndex = Double.NaN;
        try (ChildMatchmaking service = ChildMatchmaking.start(javaOpts, bootstrap, mongoUri, TOPIC, "bench-rebuild",
                "spring.kafka.consumer.max-poll-records=" + maxPollRecords, "logging.level.root=WARN")) {
            while ((projectionDone < 0 || indexDone < 0) && System.nanoTime() < deadline && service.isAlive()) {
                long now = System.nanoTime();
                long applied = applied(mongo);
                double cpu = service.cpuSeconds().orElse(Double.NaN);
                if (applied > 0 && firstApplied < 0) {
                    firstApplied = now;
                    cpuAtFirst = cpu;
                }
                if (applied >= events && projectionDone < 0) {
                    projectionDone = now;
                    cpuAtProjection = cpu;
                }
                long rss = service.residentKilobytes().orElse(0L);
                peakRss = Math.max(peakRss, rss);
                lastRss = rss > 0 ? rss : lastRss;
                long indexed = indexed(service);
                if (indexed >= 0 && ready < 0) {
                    ready = now;
                }
                if (indexed >= posts && indexDone < 0) {
                    indexDone = now;
                    cpuAtIndex = cpu;
                }
                if (now - lastPrint > 5_000_000_000L) {
                    lastPrint = now;
                    System.out.printf("%5.1f s: projection %,d/%,d events, index %,d/%,d posts, RSS %,d MB%n",
                            seconds(now - started), applied, events, indexed, posts, rss / 1024);
                }
                Thread.sleep(250);
            }
            JsonNode outcomes = service.getJson("/actuator/metrics/lab.projection.events");
            System.out.printf("%n=== Rebuild from offset 0 of %,d events (%,d needs and offers), service JVM %s, max-poll-records %s%n",
                    events, posts, javaOpts, maxPollRecords);
            System.out.printf("service start to index ready (empty projection loaded): %.1f s%n", seconds(ready - started));
            System.out.printf("first position written to all events in MongoDB:       %.1f s -> %,.0f events/s%n",
                    seconds(projectionDone - firstApplied), events / seconds(projectionDone - firstApplied));
            System.out.printf("service start to all events in MongoDB:                 %.1f s -> %,.0f events/s%n",
                    seconds(projectionDone - started), events / seconds(projectionDone - started));
            System.out.printf("service start to every post in the index:               %.1f s%n", seconds(indexDone - started));
            double harnessCpu = ChildMatchmaking.cpuSeconds(ProcessHandle.current().pid()).orElse(Double.NaN) - harnessCpuAtStart;
            double serviceCpu = Math.max(cpuAtProjection, cpuAtIndex);
            System.out.printf("CPU of the service: %.1f s in all (%.1f s at its first position, %.1f s when MongoDB had every event, %.1f s when the index had every post)%n",
                    serviceCpu, cpuAtFirst, cpuAtProjection, cpuAtIndex);
            System.out.printf("  -> %,.0f events per CPU-second of the service from its first position to the end%n",
                    events / (serviceCpu - cpuAtFirst));
            System.out.printf("CPU of this JVM (broker + mongo-java-server + sampling) during the rebuild: %.1f s%n", harnessCpu);
            System.out.printf("machine load average at the end: %s%n", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
            System.out.printf("resident memory of the service: peak %,d MB, at the end %,d MB%n", peakRss / 1024, lastRss / 1024);
            System.out.printf("lab.projection.events (all outcomes): %s%n", outcomes.at("/measurements/0/value").asText());
            System.out.printf("applied: %s%n", service.getJson("/actuator/metrics/lab.projection.events?tag=outcome:applied").at("/measurements/0/value").asText());
            System.out.println("service log: " + service.log());
        }
    }

    private static long applied(MongoClient mongo) {
        long sum = 0;
        for (Document position : mongo.getDatabase(InMemoryMongo.DATABASE).getCollection(ProjectionPositions.COLLECTION).find()) {
            sum += ((Number) position.get("next")).longValue();
        }
        return sum;
    }

    /** Needs and offers in the service's index, or -1 before it is ready. */
    private static long indexed(ChildMatchmaking service) {
        return service.get("/actuator/health").map(response -> {
            JsonNode index = RunningMatchmaking.parse(response.body()).at("/components/matchingIndex");
            if (!"UP".equals(index.at("/status").asText())) {
                return -1L;
            }
            return index.at("/details/needs").asLong() + index.at("/details/offers").asLong();
        }).orElse(-1L);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
