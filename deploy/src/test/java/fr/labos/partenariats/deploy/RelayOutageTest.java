package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay loses nothing when Kafka is away: needs registered while the broker is down are acknowledged to
 * the actor (they are in PostgreSQL), the relay's batch fails and keeps its token, and once the broker is back
 * every event reaches the topic. The broker is a real separate process, stopped and restarted on its data.
 */
@ExtendWith(SharedAuthServer.class)
class RelayOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static EmbeddedPostgresServer postgres;
    private static KafkaBrokerProcess kafka;
    private static ConfigurableApplicationContext profileService;
    private static URI profile;
    private static String facilitator;

    @BeforeAll
    static void start(LocalAuthServer auth) {
        // Valid for an hour: long enough for the whole outage.
        facilitator = "Bearer " + auth.token("facilitator-isere");
        postgres = EmbeddedPostgresServer.start(null, Ports.freePort(), null).ensureDatabase("profile");
        kafka = KafkaBrokerProcess.forTests(data.resolve("kafka")).start();
        kafka.createTopics(List.of(KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3)));
        profileService = SharedClasspath.startProfileService(postgres, kafka, SharedClasspath.signInWith(auth),
                // Give up on a batch quickly, so that the outage makes the relay fail rather than just wait.
                "--RELAY_ACK_TIMEOUT=PT3S",
                "--RELAY_REQUEST_TIMEOUT_MS=1000",
                "--RELAY_MAX_BLOCK_MS=1000");
        profile = URI.create("http://localhost:" + profileService.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (profileService != null) {
            profileService.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eventsPublishedWhileKafkaIsDownArriveAfterItComesBack() throws Exception {
        String actorId = post("/api/actors", """
                {"name": "Épicerie solidaire de Fontaine", "type": "ASSOCIATION", "homeTerritory": "38169",
                 "themes": ["FOOD"], "sdgs": [2, 12], "description": "Épicerie solidaire"}
                """);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventIdsOnTopic().size() == 1);

        kafka.stop();
        List<String> needsDuringOutage = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            needsDuringOutage.add(post("/api/actors/" + actorId + "/needs", """
                    {"category": "VOLUNTEERS", "form": "RESOURCES", "title": "Bénévoles pour la distribution n°%d",
                     "description": "Tenir la caisse et accueillir les familles", "themes": ["FOOD"], "sdgs": [2],
                     "territory": {"code": "38169", "level": "COMMUNE"}}
                    """.formatted(i)));
        }
        // Taking writes through the outage, the service stays in its load balancer: ready, alive; its full health
        // says what is down, for monitoring.
        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health") == 503);
        assertThat(status("/actuator/health/readiness")).as("readiness while Kafka is away").isEqualTo(200);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        // The relay tried, Kafka did not acknowledge, the batch failed: its token did not move past these events.
        MeterRegistry meters = profileService.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> meters.counter("lab.relay.failed.batches", "topic", Topics.PROFILE_EVENTS).count() >= 1);

        kafka.restart();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Set<String>> onTopic = eventIdsOnTopic();
            assertThat(onTopic.keySet()).containsAll(needsDuringOutage).contains(actorId);
            needsDuringOutage.forEach(needId ->
                    assertThat(onTopic.get(needId)).as("registration of need " + needId).hasSize(1));
        });
    }

    private static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(profile.resolve(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Distinct event ids on the topic, by record key (aggregate id); a redelivered record adds no id. */
    private static Map<String, Set<String>> eventIdsOnTopic() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Set<String>> idsByKey = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PROFILE_EVENTS));
            int emptyPolls = 0;
            // Read to the end: stop after polls that bring nothing once partitions are assigned.
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, String> record : records) {
                    var header = record.headers().lastHeader(EventHeaders.EVENT_ID);
                    idsByKey.computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return idsByKey;
    }

    private static String post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(profile.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", facilitator)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }
}
