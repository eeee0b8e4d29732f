package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.ISERE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rankings and partners are for every signed-in role (they hold no personal data); without a valid token, only health
 * answers. Real tokens, checked by the service's real validation.
 */
class RankingsSignInTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;
    private static final String WIMOOV = "wimoov-" + UUID.randomUUID();
    private static final String FONDATION = "fondation-" + UUID.randomUUID();
    private static final String NEED = "need-" + UUID.randomUUID();
    private static final String OFFER = "offer-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.signin.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-signin");
        publisher.publish(WIMOOV, 0, new ActorRegisteredEvent(WIMOOV, "Wimoov Isère", ActorType.ASSOCIATION, "38185",
                Set.of(Theme.MOBILITY), Set.of(), "Plateformes de mobilité", Instant.now()));
        publisher.publish(FONDATION, 0, new ActorRegisteredEvent(FONDATION, "Fondation Dauphiné", ActorType.FOUNDATION,
                "38151", Set.of(), Set.of(), "Mécénat en Isère", Instant.now()));
        publisher.publish(NEED, 0, new NeedRegisteredEvent(NEED, WIMOOV, post(ResourceCategory.FUNDING)
                .title("Plateforme de mobilité").sdgs(8, 10).in(GRENOBLE).build(), Instant.now()));
        publisher.publish(OFFER, 0, new OfferRegisteredEvent(OFFER, FONDATION, post(ResourceCategory.FUNDING)
                .title("Mécénat financier").sdgs(8, 10).in(ISERE).build(), Instant.now()));
        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/needs/" + NEED + "/matches").findValuesAsText("offerId")).contains(OFFER));
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void everySignedInRoleReadsTheSameRankingsAndPartners() {
        Map<String, String> tokens = Map.of(
                "admin", TestTokens.admin().sign(),
                "facilitator elsewhere", TestTokens.facilitator("DEPARTEMENT:29").sign(),
                "member of another actor", TestTokens.member("someone-else").sign(),
                "viewer", TestTokens.viewer().sign());
        String expected = service.get("/api/needs/" + NEED + "/matches").body();
        tokens.forEach((who, token) -> {
            for (String uri : new String[]{"/api/needs/" + NEED + "/matches", "/api/offers/" + OFFER + "/matches",
                    "/api/actors/" + WIMOOV + "/partners"}) {
                assertThat(service.get(uri, token).statusCode()).as(who + " " + uri).isEqualTo(200);
            }
            assertThat(service.get("/api/needs/" + NEED + "/matches", token).body()).as(who).isEqualTo(expected);
        });
    }

    @Test
    void withoutAValidTokenOnlyHealthAnswers() {
        String[] refused = {null, TestTokens.viewer().expired(Duration.ofMinutes(5)).sign(),
                TestTokens.viewer().issuer("https://another-provider.example.org").sign(),
                TestTokens.viewer().signTampered(), TestTokens.viewer().signedByAnotherKey().sign()};
        for (String token : refused) {
            HttpResponse<String> response = service.get("/api/actors/" + WIMOOV + "/partners", token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            JsonNode problem = RunningMatchmaking.parse(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(401);
        }
        assertThat(service.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(service.get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(service.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(service.get("/actuator/prometheus", TestTokens.viewer().sign()).statusCode()).isEqualTo(403);
        assertThat(service.get("/actuator/prometheus", TestTokens.admin().sign()).statusCode()).isEqualTo(200);
    }
}
