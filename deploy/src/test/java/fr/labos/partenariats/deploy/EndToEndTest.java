package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.labos.partenariats.schema.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole slice on real infrastructure: a need and an offer registered through profile-service's REST API travel
 * as events through PostgreSQL (Axon's event store), the relay and a separate Kafka broker process into
 * matchmaking-service's projection in MongoDB (wire protocol), and come out as an explained match; withdrawing the
 * offer takes the match away again. Authentication is on: the facilitator of Isère registers and posts, a viewer reads the
 * matches, each with a token of the real local authorization server.
 *
 * <p>Both services run in this JVM on one class path, so each context is kept off the other's infrastructure
 * ({@link SharedClasspath}): each its own PostgreSQL database, MongoDB for matchmaking-service only.
 */
@ExtendWith(SharedAuthServer.class)
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static EmbeddedPostgresServer postgres;
    private static KafkaBrokerProcess kafka;
    private static MongoWireServer mongo;
    private static ConfigurableApplicationContext profileService;
    private static ConfigurableApplicationContext matchmakingService;
    private static URI profile;
    private static URI matchmaking;
    private static LocalAuthServer auth;

    @BeforeAll
    static void startTheSystem(LocalAuthServer authServer) {
        auth = authServer;
        postgres = EmbeddedPostgresServer.start(null, Ports.freePort(), null).ensureDatabase("profile");
        kafka = KafkaBrokerProcess.forTests(data.resolve("kafka")).start();
        kafka.createTopics(List.of(KafkaBrokerProcess.foreverTopic(Topics.PROFILE_EVENTS, 3)));
        mongo = new MongoWireServer(new MemoryBackend(), 0);

        profileService = SharedClasspath.startProfileService(postgres, kafka, SharedClasspath.signInWith(auth));
        matchmakingService = SharedClasspath.startMatchmakingService(postgres, kafka, mongo.uri("matchmaking"),
                SharedClasspath.signInWith(auth));
        profile = URI.create("http://localhost:" + profileService.getEnvironment().getProperty("local.server.port"));
        matchmaking = URI.create("http://localhost:" + matchmakingService.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopTheSystem() {
        // Services first, then the infrastructure they use; PostgreSQL last, as the launcher does.
        for (AutoCloseable closeable : new AutoCloseable[]{matchmakingService, profileService, kafka, mongo, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + closeable + ": " + e);
            }
        }
    }

    @Test
    void aComplementaryOfferAppearsAmongTheNeedsMatchesAndLeavesWhenWithdrawn() throws Exception {
        String association = post("/api/actors", """
                {"name": "Tremplin Insertion Grésivaudan", "type": "SOCIAL_ENTERPRISE", "homeTerritory": "38140",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [1, 8, 10],
                 "description": "Atelier et chantier d'insertion dans le Grésivaudan.",
                 "contact": {"name": "Camille Martin", "email": "camille.martin@example.org", "phone": "04 65 71 00 01"}}""");
        String foundation = post("/api/actors", """
                {"name": "Fonds Mutualiste Alpes Solidarités", "type": "FOUNDATION", "homeTerritory": "38185",
                 "themes": ["EMPLOYMENT_INSERTION", "HEALTH_SOCIAL"], "sdgs": [1, 8, 10],
                 "description": "Fonds de dotation d'un assureur mutualiste.",
                 "contact": {"name": "Philippe Roux", "email": "philippe.roux@example.org", "phone": "04 65 71 00 02"}}""");
        String need = post("/api/actors/" + association + "/needs", """
                {"category": "FUNDING", "form": "RESOURCES",
                 "title": "Financer l'accompagnement de nos salariés en insertion",
                 "description": "Nous cherchons un financeur pour l'accompagnement vers l'emploi de vingt salariés en insertion.",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [1, 8, 10],
                 "territory": {"code": "38", "level": "DEPARTEMENT"}, "validUntil": null}""");
        String offer = post("/api/actors/" + foundation + "/offers", """
                {"category": "FUNDING", "form": "RESOURCES",
                 "title": "Soutien financier aux projets d'insertion professionnelle",
                 "description": "Subventions pour les structures qui accompagnent vers l'emploi les personnes qui en sont éloignées.",
                 "themes": ["EMPLOYMENT_INSERTION"], "sdgs": [1, 8, 10],
                 "territory": {"code": "38", "level": "DEPARTEMENT"}, "validUntil": null}""");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode match = matchesForNeed(need).stream()
                    .filter(m -> offer.equals(m.path("offerId").asText())).findFirst().orElse(null);
            assertThat(match).as("the foundation's offer among the matches of the need").isNotNull();
            assertThat(match.path("actorId").asText()).isEqualTo(foundation);
            assertThat(match.path("score").asDouble()).isGreaterThan(0.0);
            assertThat(match.path("explanation").path("sentence").asText()).isNotBlank();
            assertThat(match.path("explanation").path("components").size()).isPositive();
        });

        HttpResponse<String> withdrawal = HTTP.send(HttpRequest.newBuilder(profile.resolve("/api/actors/" + foundation + "/offers/" + offer))
                .header("Authorization", auth.bearer("facilitator-isere")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isBetween(200, 299);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(matchesForNeed(need)).extracting(m -> m.path("offerId").asText()).doesNotContain(offer));
    }

    @Test
    void bothServicesReportThemselvesHealthy() throws Exception {
        for (URI service : List.of(profile, matchmaking)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> health = get(service.resolve("/actuator/health"));
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
            });
        }
    }

    private static String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(profile.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", auth.bearer("facilitator-isere"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static List<JsonNode> matchesForNeed(String needId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(matchmaking.resolve("/api/needs/" + needId + "/matches?limit=10"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", auth.bearer("viewer")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of(); // the need has not reached the projection yet
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> matches = new ArrayList<>();
        JSON.readTree(response.body()).forEach(matches::add);
        return matches;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
