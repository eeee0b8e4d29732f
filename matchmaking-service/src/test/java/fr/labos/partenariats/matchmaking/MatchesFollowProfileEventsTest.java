package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on real infrastructure: a Kafka broker in-process, MongoDB's wire protocol (mongo-java-server),
 * events published as profile-service's relay publishes them, matches read over HTTP.
 */
class MatchesFollowProfileEventsTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.follow.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-follow");
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void aNeedShowsTheOfferPublishedOnKafkaAndLosesItOnceWithdrawn() {
        String wimoov = id("wimoov");
        String fondation = id("fondation");
        String needId = id("need");
        String offerId = id("offer");
        publisher.publish(wimoov, 0, new ActorRegisteredEvent(wimoov, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité", Instant.now()));
        publisher.publish(fondation, 0, new ActorRegisteredEvent(fondation, "Fondation Dauphiné", ActorType.FOUNDATION, "38151",
                Set.of(), Set.of(), "Mécénat en Isère", Instant.now()));
        publisher.publish(needId, 0, new NeedRegisteredEvent(needId, wimoov, post(ResourceCategory.FUNDING)
                .title("Plateforme de mobilité en Sud-Isère").sdgs(8, 10).in(GRENOBLE).build(), Instant.now()));
        publisher.publish(offerId, 0, new OfferRegisteredEvent(offerId, fondation, post(ResourceCategory.FUNDING)
                .title("Mécénat financier").sdgs(8, 10, 13).in(ISERE).build(), Instant.now()));

        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            JsonNode matches = service.getJson("/api/needs/" + needId + "/matches?limit=10");
            assertThat(matches).hasSize(1);
            JsonNode match = matches.get(0);
            assertThat(match.get("offerId").asText()).isEqualTo(offerId);
            assertThat(match.get("actorId").asText()).isEqualTo(fondation);
            assertThat(match.get("actorName").asText()).isEqualTo("Fondation Dauphiné");
            assertThat(match.get("title").asText()).isEqualTo("Mécénat financier");
            assertThat(match.get("score").asDouble()).isBetween(0.0, 1.0);
            JsonNode explanation = match.get("explanation");
            assertThat(explanation.get("modelVersion").asText()).isEqualTo("complementarity-v4");
            assertThat(explanation.get("components").get("category").asDouble()).isEqualTo(1.0);
            assertThat(explanation.get("components").get("territory").asDouble()).isEqualTo(0.7);
            assertThat(explanation.get("components").get("crossFamily").asDouble()).isEqualTo(1.0);
            assertThat(explanation.get("components").has("purpose")).isTrue();
            assertThat(explanation.get("components").has("description")).isTrue();
            assertThat(explanation.get("components").has("reciprocity")).isTrue();
            assertThat(explanation.get("sentence").asText())
                    .startsWith("Wimoov Isère cherche un financement")
                    .contains("Fondation Dauphiné offre un financement dans tout le département (Isère)")
                    .contains("2 ODD en commun (ODD 8, ODD 10)");
        });
        JsonNode needs = service.getJson("/api/offers/" + offerId + "/matches");
        assertThat(needs).hasSize(1);
        assertThat(needs.get(0).get("needId").asText()).isEqualTo(needId);
        assertThat(needs.get(0).get("actorName").asText()).isEqualTo("Wimoov Isère");

        publisher.publish(offerId, 1, new OfferWithdrawnEvent(offerId, fondation, "budget épuisé", Instant.now()));

        await().atMost(ofSeconds(20)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + needId + "/matches")).isEmpty());
        assertThat(service.get("/api/offers/" + offerId + "/matches").statusCode()).isEqualTo(404);
    }

    @Test
    void anOfferPublishedBeforeItsActorIsMatchedAndNamedOnceTheActorArrives() {
        String seeker = id("seeker");
        String latecomer = id("latecomer");
        String needId = id("need");
        String offerId = id("offer");
        publisher.publish(seeker, 0, new ActorRegisteredEvent(seeker, "Restos du cœur Isère", ActorType.ASSOCIATION, "38185",
                Set.of(), Set.of(), "", Instant.now()));
        publisher.publish(needId, 0, new NeedRegisteredEvent(needId, seeker, post(ResourceCategory.PREMISES).build(), Instant.now()));
        publisher.publish(offerId, 0, new OfferRegisteredEvent(offerId, latecomer, post(ResourceCategory.PREMISES).build(), Instant.now()));

        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            JsonNode matches = service.getJson("/api/needs/" + needId + "/matches");
            assertThat(matches.findValuesAsText("offerId")).containsExactly(offerId);
            assertThat(matches.get(0).get("actorName").isNull()).isTrue();
        });

        publisher.publish(latecomer, 0, new ActorRegisteredEvent(latecomer, "Ville d'Échirolles", ActorType.MUNICIPALITY, "38151",
                Set.of(), Set.of(), "", Instant.now()));

        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            JsonNode match = service.getJson("/api/needs/" + needId + "/matches").get(0);
            assertThat(match.get("actorName").asText()).isEqualTo("Ville d'Échirolles");
            assertThat(match.at("/explanation/components/crossFamily").asDouble()).isEqualTo(1.0);
        });
    }

    /**
     * The stated delay: a change reaches the rankings once its record is consumed, the index being updated in the
     * consumer's thread right after the MongoDB write. Here each step must show within 5 s of Kafka's acknowledgement
     * (typically tens of milliseconds).
     */
    @Test
    void aNewUpdatedOrWithdrawnOfferChangesTheRankingsWithinFiveSeconds() {
        String seeker = id("seeker");
        String giver = id("giver");
        String needId = id("need");
        String offerId = id("offer");
        publisher.publish(seeker, 0, new ActorRegisteredEvent(seeker, "Restos du cœur Isère", ActorType.ASSOCIATION, "38185",
                Set.of(), Set.of(), "", Instant.now()));
        publisher.publish(giver, 0, new ActorRegisteredEvent(giver, "Alpes Logistique", ActorType.COMPANY, "38151",
                Set.of(), Set.of(), "", Instant.now()));
        publisher.publish(needId, 0, new NeedRegisteredEvent(needId, seeker, post(ResourceCategory.EQUIPMENT)
                .title("Chambres froides").in(ISERE).build(), Instant.now()));
        await().atMost(ofSeconds(20)).until(() -> service.get("/api/needs/" + needId + "/matches").statusCode() == 200);

        publisher.publish(offerId, 0, new OfferRegisteredEvent(offerId, giver, post(ResourceCategory.EQUIPMENT)
                .title("Prêt de camions frigorifiques").in(GRENOBLE).build(), Instant.now()));
        await().atMost(ofSeconds(5)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + needId + "/matches").findValuesAsText("offerId")).containsExactly(offerId));

        // Moved out of the need's territory (Rennes is not in Isère): the territorial gate now refuses the pair.
        publisher.publish(offerId, 1, new OfferUpdatedEvent(offerId, giver, post(ResourceCategory.EQUIPMENT)
                .title("Prêt de camions frigorifiques").in(RENNES).build()));
        await().atMost(ofSeconds(5)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + needId + "/matches")).isEmpty());

        publisher.publish(offerId, 2, new OfferUpdatedEvent(offerId, giver, post(ResourceCategory.EQUIPMENT)
                .title("Prêt de camions frigorifiques").in(ISERE).build()));
        await().atMost(ofSeconds(5)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + needId + "/matches").findValuesAsText("offerId")).containsExactly(offerId));

        publisher.publish(offerId, 3, new OfferWithdrawnEvent(offerId, giver, "camions vendus", Instant.now()));
        await().atMost(ofSeconds(5)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + needId + "/matches")).isEmpty());
    }

    @Test
    void aRedeliveredRecordIsCountedAsDuplicateAndChangesNothing() {
        String offerId = id("offer");
        OfferRegisteredEvent registered = new OfferRegisteredEvent(offerId, id("actor"),
                post(ResourceCategory.SKILLS).title("Conseil juridique").build(), Instant.now());
        double duplicatesBefore = service.events(EventOutcome.DUPLICATE);
        publisher.publish(offerId, 0, registered);
        await().atMost(ofSeconds(20)).until(() -> mongo.rawDocuments(PostKind.OFFER.collection()).stream()
                .anyMatch(doc -> doc.contains(hex(offerId))));
        List<String> before = mongo.rawDocuments(PostKind.OFFER.collection());

        publisher.publish(offerId, 0, registered);

        await().atMost(ofSeconds(20)).until(() -> service.events(EventOutcome.DUPLICATE) == duplicatesBefore + 1);
        assertThat(mongo.rawDocuments(PostKind.OFFER.collection())).isEqualTo(before);
    }

    @Test
    void anUnreadableRecordIsParkedAndDoesNotBlockItsPartition() {
        String actorId = id("actor");
        ProducerRecord<String, String> good = ProfileRecords.record(publisher.topic(), actorId, 0,
                new ActorRegisteredEvent(actorId, "Uriopss", ActorType.NETWORK_HEAD, "38185", Set.of(), Set.of(), "", Instant.now()),
                Instant.now());
        double poisonBefore = service.events(EventOutcome.POISON);
        // Same key, so same partition, and ahead of a good record: it must not hold that record back for ever.
        publisher.send(new ProducerRecord<>(publisher.topic(), null, actorId, "{ not json", good.headers()));
        publisher.send(good);

        await().atMost(ofSeconds(20)).untilAsserted(() -> {
            assertThat(service.events(EventOutcome.POISON)).isEqualTo(poisonBefore + 1);
            assertThat(mongo.template().getCollection("actors").countDocuments(new Document("_id", actorId))).isEqualTo(1);
        });
    }

    @Test
    void anEventOfAnUnknownTypeIsParkedAndCounted() {
        String actorId = id("actor");
        ProducerRecord<String, String> record = ProfileRecords.record(publisher.topic(), actorId, 0,
                new ActorRegisteredEvent(actorId, "Inconnu", ActorType.COMPANY, "38185", Set.of(), Set.of(), "", Instant.now()),
                Instant.now());
        ProfileRecords.add(record.headers(), EventHeaders.EVENT_TYPE, "ActorKnightedEvent");
        double unknownBefore = service.events(EventOutcome.UNKNOWN_TYPE);

        publisher.send(record);

        await().atMost(ofSeconds(20)).until(() -> service.events(EventOutcome.UNKNOWN_TYPE) == unknownBefore + 1);
        assertThat(mongo.template().getCollection("actors").countDocuments(new Document("_id", actorId))).isZero();
    }

    @Test
    void healthReportsMongoAndKafkaUp() {
        JsonNode health = service.getJson("/actuator/health");

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
    }

    @Test
    void prometheusExposesWhatALabCharts() {
        String needId = id("need");
        publisher.publish(needId, 0, new NeedRegisteredEvent(needId, id("actor"), post(ResourceCategory.PREMISES).build(), Instant.now()));
        await().atMost(ofSeconds(20)).untilAsserted(() -> assertThat(service.get("/api/needs/" + needId + "/matches").statusCode()).isEqualTo(200));

        HttpResponse<String> scrape = service.get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("lab_projection_events_total\\{[^}]*outcome=\"applied\"[^}]*type=\"NeedRegisteredEvent\"[^}]*} [1-9]")
                .containsPattern("lab_projection_lag_seconds\\{[^}]*} [0-9]")
                .containsPattern("lab_projection_open_posts\\{[^}]*kind=\"need\"[^}]*} [1-9]")
                // Where a partition that stopped moving shows (the lag above is of what was applied).
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*} ");
    }

    @Test
    void anUnknownNeedIsAProblemNotFound() {
        HttpResponse<String> response = service.get("/api/needs/no-such-need/matches");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunningMatchmaking.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains("no-such-need");
    }

    @Test
    void aLimitOutsideOneToHundredIsAProblemNamingLimit() {
        for (String limit : List.of("0", "101", "-3")) {
            HttpResponse<String> response = service.get("/api/needs/any/matches?limit=" + limit);

            assertThat(response.statusCode()).as("limit=%s", limit).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = RunningMatchmaking.parse(response.body());
            assertThat(problem.get("detail").asText()).contains("limit");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("limit");
        }
        assertThat(service.get("/api/offers/any/matches?limit=abc").statusCode()).isEqualTo(400);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
