package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The introductions the authorization matrix reads views of: for an actor, one an admin proposed by hand between it
 * and a third actor of Isère that no demo member account belongs to, made once and read back from the views (they
 * follow the topic, so the fixture waits for them).
 */
final class IntroductionReadFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BY_ACTOR = new ConcurrentHashMap<>();

    private IntroductionReadFixtures() {
    }

    /** An introduction of {@code actorId} with a third party, visible in the views. */
    static String introductionOf(SignedInLab lab, String actorId) {
        return BY_ACTOR.computeIfAbsent(actorId, actor -> {
            String third = lab.create("/api/actors", "admin", AuthorizationMatrixTest.ISERE_ACTOR.formatted(
                    "Tiers de la matrice", "tiers-" + actor + "@matrice.example.org"));
            String body = """
                    {"actorId": "%s", "partnerId": "%s", "pairs": [], "note": "Matrice des droits", "source": "FACILITATOR"}"""
                    .formatted(actor, third);
            // The third actor reaches matchmaking-service through Kafka: until its projection knows it, the request
            // is refused with a 404 that writes nothing, so it is simply asked again. Any other answer is a failure.
            AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                answer.set(lab.send("POST", lab.matchmaking.resolve("/api/introductions"), "admin", body));
                return answer.get().statusCode() != 404;
            });
            HttpResponse<String> created = answer.get();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST /api/introductions: " + created.statusCode() + " " + created.body());
            }
            String id;
            try {
                id = JSON.readTree(created.body()).path("id").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + id), "admin", null).statusCode() == 200);
            return id;
        });
    }
}
