package fr.labos.partenariats.profile.relay;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.Topics;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What reaches Kafka when actors post: every event, keyed by aggregate, with its headers, in order. */
@ProfileServiceIntegrationTest
class KafkaRelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    private Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        Map<String, Object> config = KafkaTestUtils.consumerProps("relay-test-" + UUID.randomUUID(), "false", broker);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(Topics.PROFILE_EVENTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void everyEventReachesKafkaKeyedByAggregateWithItsHeadersAndJson() throws Exception {
        TestTokens.Token member = TestTokens.member();
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(member.sign())).build();
        String actorId = EventJson.mapper().readTree(http.post().uri("/api/actors").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "Restos du cœur de l'Isère", "type": "ASSOCIATION", "homeTerritory": "38185",
                         "themes": ["FOOD"], "sdgs": [2], "description": "Aide alimentaire"}
                        """).retrieve().body(String.class)).get("id").asText();
        String needId = EventJson.mapper().readTree(http.post().uri("/api/actors/{a}/needs", actorId)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"category": "VOLUNTEERS", "form": "RESOURCES", "title": "Bénévoles pour la collecte",
                         "description": "Collecte nationale de novembre", "themes": ["FOOD"], "sdgs": [2],
                         "territory": {"code": "200040715", "level": "EPCI"}}
                        """).retrieve().body(String.class)).get("id").asText();
        http.delete().uri("/api/actors/{a}/needs/{n}?reason=complet", actorId, needId).retrieve().toBodilessEntity();

        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            assertThat(recordsKeyed(needId)).hasSize(2);
            // The registration, and the registrant joining as the actor's member.
            assertThat(recordsKeyed(actorId)).hasSize(2);
        });

        List<ConsumerRecord<String, String>> needEvents = recordsKeyed(needId);
        assertThat(needEvents).extracting(r -> header(r, EventHeaders.EVENT_TYPE))
                .containsExactly("NeedRegisteredEvent", "NeedWithdrawnEvent");
        assertThat(needEvents).extracting(r -> header(r, EventHeaders.AGGREGATE_SEQUENCE)).containsExactly("0", "1");
        assertThat(needEvents).extracting(r -> header(r, EventHeaders.EVENT_REVISION)).containsOnly("1");
        assertThat(needEvents).extracting(r -> header(r, EventHeaders.EVENT_ID)).doesNotContainNull().doesNotHaveDuplicates();

        // Who did it travels with every event: the member, acting for the actor it registered.
        assertThat(needEvents).extracting(r -> header(r, PrincipalMetadata.SUBJECT_HEADER)).containsOnly(member.subject());
        assertThat(needEvents).extracting(r -> header(r, PrincipalMetadata.ROLE_HEADER)).containsOnly("ACTOR_MEMBER");
        assertThat(needEvents).extracting(r -> header(r, PrincipalMetadata.ACTING_FOR_HEADER)).containsOnly(actorId);

        NeedRegisteredEvent registered = EventJson.mapper().readValue(needEvents.get(0).value(), NeedRegisteredEvent.class);
        assertThat(registered.needId()).isEqualTo(needId);
        assertThat(registered.actorId()).isEqualTo(actorId);
        assertThat(registered.details().title()).isEqualTo("Bénévoles pour la collecte");
        JsonNode withdrawn = EventJson.mapper().readTree(needEvents.get(1).value());
        assertThat(withdrawn.get("reason").asText()).isEqualTo("complet");
    }

    private List<ConsumerRecord<String, String>> recordsKeyed(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
