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
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the event store's PostgreSQL away (the connection cut, as after a crash or a network failure), a command is
 * refused within seconds with a 503 to retry, and writes nothing; reads that need the database are 503s too. Before,
 * a command held its client for the connection pool's 30 s and then answered a 500 "internal error".
 * <p>
 * With PostgreSQL silent instead (connections open, nothing answered: a frozen host, a partition without reset), a
 * command on a connection is given up after the socket timeout: a 503 when nothing was committed, a 500 when its
 * commit was under way. Before, it waited for the operating system to give up on TCP, a quarter of an hour or more.
 */
class EventStoreAwayTest {

    private static final String UNAVAILABLE = "La base de données ne répond pas pour le moment ; réessayez sous peu.";
    /** The socket timeout these tests give the service, far below its default. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void withPostgresqlAwayACommandIsA503WithinSecondsAndWritesNothing() throws Exception {
        behindAProxy("away", (service, toPostgres, store, actors, id, facilitator) -> {
            toPostgres.cut();

            long start = System.nanoTime();
            HttpResponse<String> accepted = accept(service, facilitator, id, actors.association());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JsonNode problem = unavailable(accepted);
            assertThat(problem.path("detail").asText()).isEqualTo(UNAVAILABLE);
            assertThat(took).as("the pool's 5 s wait for a connection, not its default 30 s")
                    .isLessThan(Duration.ofSeconds(15));
            unavailable(service.get("/api/introductions/" + id + "/history", facilitator));
            unavailable(service.get("/api/sessions", facilitator));

            assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent");
        });
    }

    @Test
    void withPostgresqlSilentACommandIsGivenUpAfterTheSocketTimeout() throws Exception {
        behindAProxy("silent", (service, toPostgres, store, actors, id, facilitator) -> {
            // PostgreSQL falls silent as the acceptance's events are sent to it: they never reach it.
            Answered accepted = silentFrom(toPostgres, () -> accept(service, facilitator, id, actors.association()),
                    "INSERT INTO domainevententry", id);
            assertThat(accepted.silent()).as("PostgreSQL fell silent as the events were sent").isTrue();
            assertThat(unavailable(accepted.answer()).path("detail").asText()).isEqualTo(UNAVAILABLE);
            assertThat(accepted.took()).as("the socket timeout (%s) and a margin, not TCP's quarter of an hour",
                    SOCKET_TIMEOUT).isLessThan(SOCKET_TIMEOUT.plusSeconds(7));
            assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent");

            // PostgreSQL answers again: so does the service, on new connections.
            HttpResponse<String> again = accept(service, facilitator, id, actors.association());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
            assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent");

            // Silent as the commit is asked for: whether it happened, the service cannot know. Never a "try again".
            Answered committing = silentFrom(toPostgres, () -> accept(service, facilitator, id, actors.commune()),
                    "INSERT INTO domainevententry", id, "COMMIT");
            assertThat(committing.silent()).as("PostgreSQL fell silent as the commit was sent").isTrue();
            assertThat(committing.answer().statusCode()).as(committing.answer().body()).isEqualTo(500);
            assertThat(committing.answer().headers().firstValue("Retry-After")).isEmpty();
            // The commit held back reaches PostgreSQL once it answers again: the acceptance was recorded after all.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.eventTypes(id))
                    .containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent", "IntroductionAcceptedEvent"));
        });
    }

    /** What a test does with the service, whose event store it reaches through the proxy only. */
    @FunctionalInterface
    private interface Scenario {
        void run(RunningMatchmaking service, CuttableTcpProxy toPostgres, EventStoreRows store, TwoActorsOfIsere actors,
                 String introductionId, String facilitator) throws Exception;
    }

    /**
     * Starts the service with its event store behind a proxy, its socket timeout at {@link #SOCKET_TIMEOUT}, with an
     * introduction of two actors proposed by a facilitator of Isère; the store is read directly, around the proxy.
     */
    private static void behindAProxy(String name, Scenario scenario) throws Exception {
        String profileTopic = SharedKafka.newTopic("it.store-" + name + ".profile.events");
        int postgresPort = EmbeddedPostgresInitializer.postgres().getPort();
        try (InMemoryMongo mongo = InMemoryMongo.start();
             ProfileEventPublisher profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
             CuttableTcpProxy toPostgres = CuttableTcpProxy.to(postgresPort)) {
            TwoActorsOfIsere actors = TwoActorsOfIsere.registered(profiles, name);
            String direct = MatchmakingDatabase.newDatabase().get(0); // spring.datasource.url=jdbc:…
            String throughTheProxy = direct.replace("localhost:" + postgresPort + "/", "localhost:" + toPostgres.port() + "/");
            try (RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                    profileTopic, "it-store-" + name, throughTheProxy,
                    "lab.relay.topic=it.store-" + name + ".matchmaking.events",
                    "MATCHMAKING_DB_SOCKET_TIMEOUT_S=" + SOCKET_TIMEOUT.toSeconds(),
                    // Every statement's text on the wire, where the proxy looks for it: no server-side prepared
                    // statements, which pgjdbc otherwise uses from a statement's fifth run on a connection.
                    "spring.datasource.hikari.data-source-properties.prepareThreshold=0")) {
                String facilitator = TwoActorsOfIsere.facilitatorOfIsere();
                String id = actors.knownTo(service).introducedBy(service, facilitator, "Deux acteurs de l'insertion");
                scenario.run(service, toPostgres, new EventStoreRows(direct.substring(direct.indexOf('=') + 1)), actors,
                        id, facilitator);
            }
        }
    }

    /** An answer, whether PostgreSQL had fallen silent when it came, and how long it took. */
    private record Answered(HttpResponse<String> answer, boolean silent, Duration took) {
    }

    /**
     * Sends a request with the proxy to freeze once a connection sent these texts, and thaws it after the answer,
     * whatever it was: without a socket timeout, the service waits for that thaw, and the client gives up first.
     */
    private static Answered silentFrom(CuttableTcpProxy toPostgres, Supplier<HttpResponse<String>> request,
                                       String... texts) {
        toPostgres.freezeWhenAConnectionSends(texts);
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = request.get();
            return new Answered(answer, toPostgres.frozen(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            toPostgres.thaw();
        }
    }

    private static HttpResponse<String> accept(RunningMatchmaking service, String facilitator, String id, String actingFor) {
        return service.post("/api/introductions/" + id + "/accept", facilitator,
                "{\"actingFor\": \"%s\"}".formatted(actingFor));
    }

    private static JsonNode unavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return RunningMatchmaking.parse(answer.body());
    }
}
