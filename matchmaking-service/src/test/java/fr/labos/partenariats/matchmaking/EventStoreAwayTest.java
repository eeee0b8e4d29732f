package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.CuttableTcpProxy;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.MatchmakingDatabase;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the event store's PostgreSQL away (the connection cut, as after a crash or a network failure), a command is
 * refused within seconds with a 503 to retry, and writes nothing; reads that need the database are 503s too. Before,
 * a command held its client for the connection pool's 30 s and then answered a 500 "internal error".
 */
class EventStoreAwayTest {

    @Test
    void withPostgresqlAwayACommandIsA503WithinSecondsAndWritesNothing() throws Exception {
        String profileTopic = SharedKafka.newTopic("it.store-away.profile.events");
        int postgresPort = EmbeddedPostgresInitializer.postgres().getPort();
        try (InMemoryMongo mongo = InMemoryMongo.start();
             ProfileEventPublisher profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
             CuttableTcpProxy toPostgres = CuttableTcpProxy.to(postgresPort)) {
            Instant registered = Instant.parse("2026-01-05T10:00:00Z");
            profiles.publish("away-a", 0, new ActorRegisteredEvent("away-a", "Association Tremplin",
                    ActorType.ASSOCIATION, "38185", Set.of(), Set.of(Sdg.of(8)), "Insertion", registered));
            profiles.publish("away-b", 0, new ActorRegisteredEvent("away-b", "Ville d'Échirolles",
                    ActorType.MUNICIPALITY, "38151", Set.of(), Set.of(Sdg.of(11)), "Commune", registered));
            String direct = MatchmakingDatabase.newDatabase().get(0); // spring.datasource.url=jdbc:…
            String throughTheProxy = direct.replace("localhost:" + postgresPort + "/", "localhost:" + toPostgres.port() + "/");
            try (RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                    profileTopic, "it-store-away", throughTheProxy, "lab.relay.topic=it.store-away.matchmaking.events")) {
                await().atMost(ofSeconds(60)).until(() -> service.get("/api/actors/away-a/introductions").statusCode() == 200
                        && service.get("/api/actors/away-b/introductions").statusCode() == 200);
                String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
                HttpResponse<String> created = service.post("/api/introductions", facilitator, """
                        {"actorId": "away-a", "partnerId": "away-b", "source": "FACILITATOR"}""");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String id = RunningMatchmaking.parse(created.body()).path("id").asText();

                toPostgres.cut();

                long start = System.nanoTime();
                HttpResponse<String> accepted = service.post("/api/introductions/" + id + "/accept", facilitator,
                        "{\"actingFor\": \"away-a\"}");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                JsonNode problem = unavailable(accepted);
                assertThat(problem.path("detail").asText()).isEqualTo(
                        "La base de données ne répond pas pour le moment ; rien n'a été enregistré, réessayez sous peu.");
                assertThat(took).as("the pool's 5 s wait for a connection, not its default 30 s")
                        .isLessThan(Duration.ofSeconds(15));
                unavailable(service.get("/api/introductions/" + id + "/history", facilitator));
                unavailable(service.get("/api/sessions", facilitator));

                assertThat(new EventStoreRows(direct.substring(direct.indexOf('=') + 1)).eventTypes(id))
                        .containsExactly("IntroductionProposedEvent");
            }
        }
    }

    private static JsonNode unavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return RunningMatchmaking.parse(answer.body());
    }
}
