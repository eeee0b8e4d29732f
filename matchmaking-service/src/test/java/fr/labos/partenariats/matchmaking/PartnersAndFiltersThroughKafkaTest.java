package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Theme;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.Posts.ECHIROLLES;
import static fr.labos.partenariats.matchmaking.support.Posts.FRANCE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE_ALPES_METROPOLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.RENNES;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner rankings and the filters of every ranking endpoint, end to end: a small Isère territory published on a real
 * Kafka broker as profile-service's relay publishes it, projected into MongoDB's wire protocol, ranked by the index,
 * read over HTTP.
 */
class PartnersAndFiltersThroughKafkaTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;

    @BeforeAll
    static void publishATerritory() {
        String topic = SharedKafka.newTopic("it.partners.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-partners");

        actor("wimoov", "Wimoov Isère", ActorType.ASSOCIATION);
        actor("dauphine", "Fondation Dauphiné", ActorType.FOUNDATION);
        actor("fdf", "Fondation de France", ActorType.FOUNDATION);
        actor("alyl", "Alyl Sécurité", ActorType.COMPANY);
        actor("echirolles", "Ville d'Échirolles", ActorType.MUNICIPALITY);
        actor("restos", "Restos du cœur Ille-et-Vilaine", ActorType.ASSOCIATION);

        need("w-funding", "wimoov", post(ResourceCategory.FUNDING).title("Financer deux conseillers mobilité")
                .description("Financement pour nos plateformes de mobilité solidaire").sdgs(8, 10).themes(Theme.MOBILITY).in(ISERE));
        need("w-skills", "wimoov", post(ResourceCategory.SKILLS).title("Former nos conseillers").in(GRENOBLE));
        offer("w-volunteers", "wimoov", post(ResourceCategory.VOLUNTEERS).title("Bénévoles pour encadrer des chantiers").in(ISERE));
        // Two foundations alike but for their reach: the one of the département must rank above the national one.
        Posts funding = post(ResourceCategory.FUNDING).title("Mobilité inclusive")
                .description("Nous finançons la mobilité inclusive").sdgs(8, 10).themes(Theme.MOBILITY);
        offer("d-funding", "dauphine", funding.in(ISERE));
        offer("f-funding", "fdf", post(ResourceCategory.FUNDING).title("Mobilité inclusive")
                .description("Nous finançons la mobilité inclusive").sdgs(8, 10).themes(Theme.MOBILITY).in(FRANCE));
        offer("a-skills", "alyl", post(ResourceCategory.SKILLS).title("Formateurs en sécurité").in(GRENOBLE_ALPES_METROPOLE));
        need("a-volunteers", "alyl", post(ResourceCategory.VOLUNTEERS).title("Encadrer nos chantiers d'insertion").in(GRENOBLE));
        offer("e-premises", "echirolles", post(ResourceCategory.PREMISES).title("Salle municipale").in(ECHIROLLES));
        need("r-volunteers", "restos", post(ResourceCategory.VOLUNTEERS).title("Bénévoles pour la distribution").in(RENNES));

        // Everything has arrived once every actor is known and Wimoov has its three partners (404 until then).
        await().atMost(ofSeconds(30)).ignoreExceptions().until(() -> service.get("/api/actors/restos/partners").statusCode() == 200
                && service.get("/api/offers/e-premises/matches").statusCode() == 200
                && service.getJson("/api/actors/wimoov/partners").size() == 3);
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void partnersAreRankedFromThePairsOfBothDirectionsEachExplained() {
        JsonNode partners = service.getJson("/api/actors/wimoov/partners?limit=10");

        assertThat(partners.findValuesAsText("actorId")).containsExactly("alyl", "dauphine", "fdf");
        JsonNode alyl = partners.get(0);
        assertThat(alyl.get("actorName").asText()).isEqualTo("Alyl Sécurité");
        assertThat(alyl.get("actorType").asText()).isEqualTo("COMPANY");
        assertThat(alyl.get("reciprocal").asBoolean()).isTrue();
        assertThat(alyl.get("pairCount").asInt()).isEqualTo(2);
        assertThat(alyl.get("sentence").asText()).contains("réciproque : Wimoov Isère offre des bénévoles qu'Alyl Sécurité recherche");
        List<String> pairs = new ArrayList<>();
        for (JsonNode pair : alyl.get("pairs")) {
            pairs.add(pair.get("direction").asText() + " " + pair.get("needId").asText() + "/" + pair.get("offerId").asText());
            assertThat(pair.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(pair.at("/explanation/modelVersion").asText()).isEqualTo("complementarity-v4");
            assertThat(pair.at("/explanation/components/reciprocity").asDouble()).isEqualTo(1.0);
            assertThat(pair.at("/explanation/components").has("freshness")).isTrue();
            assertThat(pair.at("/explanation/sentence").asText()).isNotBlank();
        }
        assertThat(pairs).containsExactlyInAnyOrder("THEY_OFFER w-skills/a-skills", "THEY_NEED a-volunteers/w-volunteers");
        // One direction only: not reciprocal; and its score is its one pair's.
        JsonNode dauphine = partners.get(1);
        assertThat(dauphine.get("reciprocal").asBoolean()).isFalse();
        assertThat(dauphine.get("score").asDouble()).isEqualTo(dauphine.at("/pairs/0/score").asDouble());
        assertThat(dauphine.get("score").asDouble()).isGreaterThan(partners.get(2).get("score").asDouble());
    }

    @Test
    void partnersCanBeFilteredByActorTypeTerritoryAndCategory() {
        assertThat(partnerIds("actorType=FOUNDATION")).containsExactly("dauphine", "fdf");
        assertThat(partnerIds("actorType=company&actorType=MUNICIPALITY")).containsExactly("alyl");
        assertThat(partnerIds("territoryLevel=DEPARTEMENT&territoryCode=38")).containsExactly("alyl", "dauphine");
        assertThat(partnerIds("category=FUNDING")).containsExactly("dauphine", "fdf");
        assertThat(partnerIds("territoryLevel=NATIONAL")).containsExactly("fdf");
        assertThat(service.getJson("/api/actors/wimoov/partners?limit=1&pairs=1").get(0).get("pairs")).hasSize(1);
    }

    @Test
    void matchesForANeedOrAnOfferTakeTheSameFilters() {
        assertThat(offerIds("w-funding", "")).containsExactly("d-funding", "f-funding");
        assertThat(offerIds("w-funding", "territoryLevel=NATIONAL")).containsExactly("f-funding");
        assertThat(offerIds("w-funding", "territoryLevel=DEPARTEMENT&territoryCode=38")).containsExactly("d-funding");
        assertThat(offerIds("w-funding", "actorType=COMPANY")).isEmpty();
        assertThat(offerIds("w-funding", "category=FUNDING&category=SKILLS")).containsExactly("d-funding", "f-funding");
        assertThat(service.getJson("/api/offers/a-skills/matches?actorType=ASSOCIATION").findValuesAsText("needId"))
                .containsExactly("w-skills");
        assertThat(service.getJson("/api/offers/a-skills/matches?territoryLevel=DEPARTEMENT&territoryCode=69")).isEmpty();
        JsonNode match = service.getJson("/api/needs/w-funding/matches?limit=1").get(0);
        assertThat(match.at("/territory/name").asText()).isEqualTo("Isère");
        assertThat(match.get("category").asText()).isEqualTo("FUNDING");
    }

    @Test
    void aPartnerOfAnotherTerritoryIsNeverProposed() {
        // The Restos of Ille-et-Vilaine need volunteers in Rennes; Wimoov's volunteers are for Isère.
        assertThat(service.getJson("/api/actors/restos/partners")).isEmpty();
        assertThat(partnerIds("")).doesNotContain("restos", "echirolles");
    }

    @Test
    void anUnknownActorIsAProblemNotFound() {
        HttpResponse<String> response = service.get("/api/actors/nobody/partners");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunningMatchmaking.parse(response.body());
        assertThat(problem.get("detail").asText()).contains("nobody");
    }

    @Test
    void aBadFilterValueIsAProblemNamingTheParameterOnEveryEndpoint() {
        Map<String, String> badQueries = Map.of(
                "territoryLevel=PLANETE", "territoryLevel",
                "territoryCode=38", "territoryLevel",
                "territoryLevel=DEPARTEMENT&territoryCode=999", "territoryCode",
                "actorType=ALIEN", "actorType",
                "category=MONEY", "category",
                "limit=0", "limit");
        for (String endpoint : List.of("/api/needs/w-funding/matches", "/api/offers/a-skills/matches", "/api/actors/wimoov/partners")) {
            badQueries.forEach((query, parameter) -> {
                HttpResponse<String> response = service.get(endpoint + "?" + query);
                assertThat(response.statusCode()).as("%s?%s", endpoint, query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = RunningMatchmaking.parse(response.body());
                assertThat(problem.at("/errors/0/field").asText()).as("%s?%s", endpoint, query).isEqualTo(parameter);
                assertThat(problem.get("detail").asText()).contains(parameter);
            });
        }
        assertThat(service.get("/api/actors/wimoov/partners?pairs=0").statusCode()).isEqualTo(400);
    }

    private static List<String> partnerIds(String query) {
        return service.getJson("/api/actors/wimoov/partners?" + query).findValuesAsText("actorId");
    }

    private static List<String> offerIds(String needId, String query) {
        return service.getJson("/api/needs/" + needId + "/matches?" + query).findValuesAsText("offerId");
    }

    private static void actor(String id, String name, ActorType type) {
        publisher.publish(id, 0, new ActorRegisteredEvent(id, name, type, "38185", Set.of(), Set.of(), "", Instant.now()));
    }

    private static void need(String id, String actorId, Posts details) {
        publisher.publish(id, 0, new NeedRegisteredEvent(id, actorId, details.build(), Instant.now()));
    }

    private static void offer(String id, String actorId, Posts details) {
        publisher.publish(id, 0, new OfferRegisteredEvent(id, actorId, details.build(), Instant.now()));
    }
}
