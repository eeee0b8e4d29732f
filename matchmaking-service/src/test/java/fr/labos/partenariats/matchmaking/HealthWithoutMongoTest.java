package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With MongoDB away, health, rankings and the views answer within seconds (DOWN, 503 problem) instead of hanging 30 s. */
class HealthWithoutMongoTest {

    @Test
    void healthAndRankingsAnswerQuicklyWhenMongoIsAway() {
        String topic = SharedKafka.newTopic("it.health-no-mongo.profile.events");
        // Nothing listens there, and the URI sets no timeout of its own: the service's bound must apply.
        String uri = InMemoryMongo.uriFor(InMemoryMongo.freePort());
        try (RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), uri, topic,
                "it-health-no-mongo", "matchmaking.index.ready-timeout=1s")) {

            // What is timed below is the wait for MongoDB, not the web stack's first request (servlet and filters
            // initialised on it, on a loaded machine): that one goes first, untimed.
            service.get("/nothing-here");
            long start = System.nanoTime();
            HttpResponse<String> health = service.get("/actuator/health");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofMillis(3500));
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode body = RunningMatchmaking.parse(health.body());
            assertThat(body.at("/components/mongo/status").asText()).isEqualTo("DOWN");

            start = System.nanoTime();
            HttpResponse<String> ranking = service.get("/api/needs/any/matches");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
            assertThat(ranking.statusCode()).isEqualTo(503);
            assertThat(ranking.headers().firstValue("Retry-After")).isPresent();
            assertThat(ranking.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

            // The introductions' views and the dashboard read MongoDB itself, not the index: the store's failure is
            // what answers there, still a 503 to retry and not a 500.
            for (String path : new String[]{"/api/actors/any/introductions", "/api/dashboard/funnel"}) {
                start = System.nanoTime();
                HttpResponse<String> view = service.get(path);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofMillis(3500));
                assertThat(view.statusCode()).as(path).isEqualTo(503);
                assertThat(view.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(RunningMatchmaking.parse(view.body()).get("detail").asText()).as(path)
                        .startsWith("Les données de mise en relation");
            }
        }
    }
}
