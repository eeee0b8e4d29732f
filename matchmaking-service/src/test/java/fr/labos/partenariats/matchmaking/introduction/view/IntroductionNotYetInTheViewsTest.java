package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.matchmaking.support.TwoActorsOfIsere;
import fr.labos.partenariats.platform.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An introduction the event store holds but the views have not caught up with (here they follow a topic nothing is
 * relayed to, as when the broker is away): its timeline is a 503 to retry for whoever may read it — not a 404 saying
 * the introduction just created does not exist — and stays a 404 for anyone else, as an unknown id.
 */
class IntroductionNotYetInTheViewsTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profiles;
    private static RunningMatchmaking service;
    private static TwoActorsOfIsere actors;

    @BeforeAll
    static void start() {
        String profileTopic = SharedKafka.newTopic("it.views-behind.profile.events");
        String relayed = SharedKafka.newTopic("it.views-behind.matchmaking.events");
        String followedByTheViews = SharedKafka.newTopic("it.views-behind.nothing-relayed");
        mongo = InMemoryMongo.start();
        profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        actors = TwoActorsOfIsere.registered(profiles, "behind");
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
        String facilitator = TwoActorsOfIsere.facilitatorOfIsere();
        String id = actors.knownTo(service).introducedBy(service, facilitator, "Deux acteurs de l'insertion");

        for (String reader : new String[]{facilitator, TestTokens.member(actors.commune()).sign()}) {
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
