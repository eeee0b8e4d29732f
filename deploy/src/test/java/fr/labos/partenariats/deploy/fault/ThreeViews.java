package fr.labos.partenariats.deploy.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.labos.partenariats.deploy.EmbeddedPostgresServer;
import fr.labos.partenariats.schema.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads each view of the system as it stands: the event stores (PostgreSQL, each service's {@code domainevententry}),
 * the topics from offset 0 with a plain consumer, the matching projection's MongoDB documents, and
 * matchmaking-service's in-memory index through its REST API and metrics.
 */
final class ThreeViews {

    /** One row of the event store. */
    record StoredEvent(String aggregateId, long sequence, String eventId, String type) {
    }

    /** One record of the topic, with the headers the relay writes. */
    record TopicRecord(String eventId, String aggregateId, long sequence, int partition, long offset, String value) {
    }

    /**
     * One document of the projection: the last sequence applied to it, its status (null for actors), and whether it
     * holds its registration's own field ({@code registeredAt}): a later event upserts a document whose registration
     * was lost, which would otherwise hide the loss.
     */
    record ProjectedDocument(AggregateKind kind, String id, long sequence, String status, boolean registered) {
    }

    /** What the index says: which of the posts asked about it cannot rank, and its own counts. */
    record IndexView(Set<String> notRankable, Map<AggregateKind, Double> indexedPosts, Map<AggregateKind, Double> openPostsGauge) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOPIC_READ_TIMEOUT = Duration.ofSeconds(60);

    private ThreeViews() {
    }

    /** Every event of a service's event store ({@code database}: {@code profile} or {@code matchmaking}). */
    static List<StoredEvent> eventStore(EmbeddedPostgresServer postgres, String database) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT aggregateidentifier, sequencenumber, eventidentifier, payloadtype"
                     + " FROM domainevententry ORDER BY globalindex")) {
            while (rows.next()) {
                events.add(new StoredEvent(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
            }
        }
        return events;
    }

    /** Every record of a topic, from offset 0 of each partition to the end offsets as they were when reading began. */
    static List<TopicRecord> topic(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<TopicRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TOPIC_READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within "
                            + TOPIC_READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new TopicRecord(header(record, EventHeaders.EVENT_ID), header(record, EventHeaders.AGGREGATE_ID),
                            Long.parseLong(header(record, EventHeaders.AGGREGATE_SEQUENCE)),
                            record.partition(), record.offset(), record.value()));
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("Record " + record.partition() + "@" + record.offset() + " has no header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The projection's documents by id, for actors, needs and offers. */
    static Map<String, ProjectedDocument> projection(String mongoUri) {
        Map<String, ProjectedDocument> documents = new HashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(CrashLab.MATCHMAKING_DATABASE);
            for (AggregateKind kind : AggregateKind.values()) {
                for (Document document : database.getCollection(kind.collection()).find()) {
                    String id = document.get("_id").toString();
                    Number sequence = document.get("sequence", Number.class);
                    documents.put(id, new ProjectedDocument(kind, id, sequence == null ? -1 : sequence.longValue(),
                            document.getString("status"), document.get("registeredAt") != null));
                }
            }
        }
        return documents;
    }

    /** Asks matchmaking-service to rank each post (an open post answers 200), and reads its counts. */
    static IndexView index(LabHttp http, URI matchmaking, Map<String, AggregateKind> posts) throws Exception {
        Set<String> notRankable = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> asked = new ArrayList<>();
            for (Map.Entry<String, AggregateKind> post : posts.entrySet()) {
                asked.add(askers.submit(() -> {
                    String path = (post.getValue() == AggregateKind.NEED ? "/api/needs/" : "/api/offers/") + post.getKey() + "/matches?limit=1";
                    HttpResponse<String> response = http.get(matchmaking.resolve(path));
                    if (response.statusCode() != 200) {
                        notRankable.add(post.getKey());
                        refusals.merge(response.statusCode(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> answer : asked) {
                answer.get();
            }
        } finally {
            askers.shutdownNow();
        }
        if (!refusals.isEmpty()) {
            // What a post that "cannot rank" was answered: a 404 is a post the index lacks, a 429 or a 503 is not.
            System.out.println("Rankings refused, by status: " + new TreeMap<>(refusals));
        }
        Map<AggregateKind, Double> indexed = new HashMap<>();
        Map<AggregateKind, Double> open = new HashMap<>();
        for (AggregateKind kind : List.of(AggregateKind.NEED, AggregateKind.OFFER)) {
            String tag = kind == AggregateKind.NEED ? "need" : "offer";
            indexed.put(kind, gauge(http, matchmaking, "lab.matching.index.posts", tag));
            open.put(kind, gauge(http, matchmaking, "lab.projection.open.posts", tag));
        }
        return new IndexView(notRankable, indexed, open);
    }

    private static double gauge(LabHttp http, URI service, String name, String kind) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get(service.resolve("/actuator/metrics/" + name + "?tag=kind:" + kind));
        if (response.statusCode() != 200) {
            return Double.NaN;
        }
        JsonNode measurements = JSON.readTree(response.body()).path("measurements");
        return measurements.isEmpty() ? Double.NaN : measurements.get(0).path("value").asDouble(Double.NaN);
    }

    /** The ids of the given kind among the stored aggregates. */
    static Map<String, AggregateKind> posts(Map<String, AggregateKind> aggregates, Collection<AggregateKind> kinds) {
        Map<String, AggregateKind> posts = new HashMap<>();
        aggregates.forEach((id, kind) -> {
            if (kinds.contains(kind)) {
                posts.put(id, kind);
            }
        });
        return posts;
    }
}
