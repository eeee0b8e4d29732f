package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An introduction the event store holds but the views have not caught up with (here they follow a topic nothing is
 * relayed to, as when the broker is away): its timeline is a 503 to retry for whoever may read it — not a 404 saying
 * the introduction just created does not exist — and stays a 404 for anyone else, as an unknown id.
 */
class IntroductionNotYetInTheViewsTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profiles;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        String profileTopic = SharedKafka.newTopic("it.views-behind.profile.events");
        String relayed = SharedKafka.newTopic("it.views-behind.matchmaking.events");
        String followedByTheViews = SharedKafka.newTopic("it.views-behind.nothing-relayed");
        mongo = InMemoryMongo.start();
        profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        Instant registered = Instant.parse("2026-01-05T10:00:00Z");
        profiles.publish("behind-a", 0, new ActorRegisteredEvent("behind-a", "Association Tremplin",
                ActorType.ASSOCIATION, "38185", Set.of(), Set.of(Sdg.of(8)), "Insertion", registered));
        profiles.publish("behind-b", 0, new ActorRegisteredEvent("behind-b", "Ville d'Échirolles",
                ActorType.MUNICIPALITY, "38151", Set.of(), Set.of(Sdg.of(11)), "Commune", registered));
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-views-behind",
                "lab.relay.topic=" + relayed, "matchmaking.introduction-views.topic=" + followedByTheViews,
                "matchmaking.introduction-views.group-id=it-views-behind");
    }

    @AfterAll
    static void stop() {
        service.close();
        profiles.close();
        mongo.close();
    }

    @Test
    void aRecordedIntroductionIsToBeRetriedByItsReadersAndUnknownToOthers() {
        await().atMost(ofSeconds(60)).until(() -> service.get("/api/actors/behind-a/introductions").statusCode() == 200
                && service.get("/api/actors/behind-b/introductions").statusCode() == 200);
        String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
        HttpResponse<String> created = service.post("/api/introductions", facilitator, """
                {"actorId": "behind-a", "partnerId": "behind-b", "source": "FACILITATOR"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = RunningMatchmaking.parse(created.body()).path("id").asText();

        for (String reader : new String[]{facilitator, TestTokens.member("behind-b").sign()}) {
            HttpResponse<String> timeline = service.get("/api/introductions/" + id, reader);
            assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(503);
            assertThat(timeline.headers().firstValue("Retry-After")).contains("2");
            assertThat(timeline.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            JsonNode problem = RunningMatchmaking.parse(timeline.body());
            assertThat(problem.path("detail").asText()).isEqualTo("La mise en relation « " + id
                    + " » est enregistrée ; son suivi se met à jour, réessayez dans un instant.");
        }
        // Whoever may not read it learns nothing more than of an id that names nothing.
        HttpResponse<String> elsewhere = service.get("/api/introductions/" + id, TestTokens.facilitator("DEPARTEMENT:73").sign());
        HttpResponse<String> unknown = service.get("/api/introductions/no-such-introduction", facilitator);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(RunningMatchmaking.parse(elsewhere.body()).path("title").asText())
                .isEqualTo(RunningMatchmaking.parse(unknown.body()).path("title").asText());
    }
}
