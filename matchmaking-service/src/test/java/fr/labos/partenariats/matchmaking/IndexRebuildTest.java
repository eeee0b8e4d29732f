package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.PostStatus;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the in-memory index comes back from: from the MongoDB projection on an ordinary restart (no Kafka replay), and
 * from the whole topic, offset 0, when a rebuild is asked for. The steps share one topic, group and database, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexRebuildTest {

    private static final String GROUP = "it-rebuild";
    private static final int RECORDS = 6;

    private static String topic;
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;

    @BeforeAll
    static void publishATerritory() {
        topic = SharedKafka.newTopic("it.rebuild.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        try (RunningMatchmaking first = start()) {
            publisher.publish("wimoov", 0, new ActorRegisteredEvent("wimoov", "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                    Set.of(), Set.of(), "", Instant.now()));
            publisher.publish("fondation", 0, new ActorRegisteredEvent("fondation", "Fondation Dauphiné", ActorType.FOUNDATION,
                    "38151", Set.of(), Set.of(), "", Instant.now()));
            publisher.publish("n1", 0, new NeedRegisteredEvent("n1", "wimoov", post(ResourceCategory.FUNDING)
                    .title("Plateforme de mobilité").in(GRENOBLE).build(), Instant.now()));
            publisher.publish("o1", 0, new OfferRegisteredEvent("o1", "fondation", post(ResourceCategory.FUNDING)
                    .title("Mécénat mobilité").in(ISERE).build(), Instant.now()));
            publisher.publish("o2", 0, new OfferRegisteredEvent("o2", "fondation", post(ResourceCategory.FUNDING)
                    .title("Bourse d'urgence").in(ISERE).build(), Instant.now()));
            publisher.publish("o2", 1, new OfferWithdrawnEvent("o2", "fondation", "enveloppe épuisée", Instant.now()));
            await().atMost(ofSeconds(20)).until(() -> first.events(EventOutcome.APPLIED) == RECORDS);
            // The index follows the topic itself, a moment apart from the MongoDB writes.
            await().atMost(ofSeconds(10)).untilAsserted(() ->
                    assertThat(first.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactly("o1"));
        }
    }

    @AfterAll
    static void stop() {
        publisher.close();
        mongo.close();
    }

    @Test
    @Order(1)
    void aRestartedServiceRanksFromTheProjectionWithoutReplayingTheTopic() {
        try (RunningMatchmaking restarted = start()) {
            await().atMost(ofSeconds(20)).untilAsserted(() ->
                    assertThat(restarted.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactly("o1"));
            // Every record was committed before the stop: the index came from MongoDB, not from the topic.
            await().during(ofSeconds(1)).atMost(ofSeconds(10)).pollInterval(ofMillis(200)).until(() -> restarted.received() == 0);
            assertThat(restarted.getJson("/actuator/health").at("/components/matchingIndex/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void theRebuildFlagEmptiesTheProjectionAndReplaysTheTopicFromOffsetZero() {
        // Damage the projection while the service is down: the real offer's document lost, a forged one added.
        mongo.template().getCollection(PostKind.OFFER.collection()).deleteOne(new Document("_id", "o1"));
        mongo.template().insert(new PostEntry("forged", "fondation", ResourceCategory.FUNDING, PartnershipForm.RESOURCES,
                "Offre qui n'a jamais existé", "", List.of(), List.of(), "38", TerritoryLevel.DEPARTEMENT, null,
                PostStatus.OPEN, Instant.now(), null, 0, Instant.now()), PostKind.OFFER.collection());

        try (RunningMatchmaking rebuilt = start("matchmaking.projection.rebuild-from-topic=true")) {
            // While the topic is replayed the index is loading: the need's ranking is a 503 to retry, never a 404 for a
            // need that exists (the documents were just dropped: only the topic holds it).
            List<Integer> answers = new ArrayList<>();
            await().atMost(ofSeconds(20)).pollInterval(ofMillis(20)).until(() -> {
                HttpResponse<String> ranking = rebuilt.get("/api/needs/n1/matches");
                answers.add(ranking.statusCode());
                return ranking.statusCode() == 200 && ranking.body().contains("\"o1\"");
            });
            assertThat(answers).as("the answers while the topic was replayed").isSubsetOf(503, 200);
            await().atMost(ofSeconds(20)).until(() -> rebuilt.events(EventOutcome.APPLIED) == RECORDS);
            await().atMost(ofSeconds(10)).untilAsserted(() ->
                    assertThat(rebuilt.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactly("o1"));
            assertThat(mongo.template().findAll(PostEntry.class, PostKind.OFFER.collection()))
                    .extracting(PostEntry::id, PostEntry::status)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("o1", PostStatus.OPEN),
                            org.assertj.core.groups.Tuple.tuple("o2", PostStatus.WITHDRAWN));
        }

        // The next ordinary start resumes after the rebuild: nothing is replayed again.
        try (RunningMatchmaking after = start()) {
            await().atMost(ofSeconds(20)).untilAsserted(() ->
                    assertThat(after.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactly("o1"));
            await().during(ofSeconds(1)).atMost(ofSeconds(10)).pollInterval(ofMillis(200)).until(() -> after.received() == 0);
        }
    }

    private static RunningMatchmaking start(String... properties) {
        return RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, GROUP, properties);
    }
}
