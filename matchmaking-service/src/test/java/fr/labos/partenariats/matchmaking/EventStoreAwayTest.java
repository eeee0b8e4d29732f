package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.CuttableTcpProxy;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.MatchmakingDatabase;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.matchmaking.support.TwoActorsOfIsere;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

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
            TwoActorsOfIsere actors = TwoActorsOfIsere.registered(profiles, "away");
            String direct = MatchmakingDatabase.newDatabase().get(0); // spring.datasource.url=jdbc:…
            String throughTheProxy = direct.replace("localhost:" + postgresPort + "/", "localhost:" + toPostgres.port() + "/");
            try (RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                    profileTopic, "it-store-away", throughTheProxy, "lab.relay.topic=it.store-away.matchmaking.events")) {
                String facilitator = TwoActorsOfIsere.facilitatorOfIsere();
                String id = actors.knownTo(service).introducedBy(service, facilitator, "Deux acteurs de l'insertion");

                toPostgres.cut();

                long start = System.nanoTime();
                HttpResponse<String> accepted = service.post("/api/introductions/" + id + "/accept", facilitator,
                        "{\"actingFor\": \"%s\"}".formatted(actors.association()));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                JsonNode problem = unavailable(accepted);
                assertThat(problem.path("detail").asText()).isEqualTo(
                        "La base de données ne répond pas pour le moment ; réessayez sous peu.");
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
