package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A speed-meeting session of the demo territory, ready to generate: planned in Isère by its facilitator a week ahead,
 * twenty demo actors registered, two mutual wishes. Made through matchmaking-service's REST API, once per data folder
 * (a progress file records it).
 */
final class DemoSession {

    static final String FACILITATOR = "facilitator-isere";
    /** The twenty participants (demo keys); two pairs of them wish to meet each other. */
    static final List<String> PARTICIPANTS = List.of("tremplin-insertion", "mobilite-solidaire", "fonds-assureur",
            "transports-guillot", "mjc-roseaux", "fabrique-numerique", "cpie-vercors", "alpenergie", "habitat-jeunes",
            "alpes-habitat", "banque-alimentaire", "metropole", "ville-echirolles", "mouvement-associatif-isere",
            "esat-gresivaudan", "france-active-isere", "ville-voiron", "caf-isere", "uga", "epicerie-campus");
    /**
     * Pairs with no lasting exclusion in the demo's introductions (the scheduler never seats partners or competitors,
     * wish or not); an introduction still in progress does not keep a pair apart, their meeting joins it.
     */
    static final List<List<String>> MUTUAL_WISHES = List.of(List.of("tremplin-insertion", "fonds-assureur"),
            List.of("habitat-jeunes", "metropole"));
    static final String PLAN = """
            {"title": "Rencontres express des partenariats de l'Isère", "territory": {"code": "38", "level": "DEPARTEMENT"},
             "place": "Maison des associations, Grenoble", "date": "%s", "startsAt": "09:30", "rounds": 6,
             "minutesPerRound": 12, "tables": 10}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI matchmaking;
    private final String token;
    private final Map<String, String> actors;

    DemoSession(URI matchmaking, String facilitatorToken, Map<String, String> actorIdsByKey) {
        this.matchmaking = matchmaking;
        this.token = facilitatorToken;
        this.actors = actorIdsByKey;
    }

    /**
     * Plans the session unless the progress file says it was; returns its id, or null when it already was. The
     * session's id is kept as soon as it is planned (the file says {@value DemoIntroductions#UNDER_WAY} until its
     * participants and wishes are in), so that a start interrupted in between completes that session at the next
     * start rather than plan another one.
     */
    String loadOnce(Path progressFile) throws IOException, InterruptedException {
        String sessionId = null;
        if (Files.exists(progressFile)) {
            JsonNode before = JSON.readTree(progressFile.toFile());
            if (!before.path(DemoIntroductions.UNDER_WAY).asBoolean(false)) {
                return null;
            }
            sessionId = before.path("sessionId").asText(null);
        }
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        if (sessionId == null) {
            sessionId = plan();
            DemoIntroductions.save(JSON.createObjectNode().put("sessionId", sessionId).put(DemoIntroductions.UNDER_WAY, true),
                    progressFile);
        }
        readyToGenerate(sessionId);
        DemoIntroductions.save(JSON.createObjectNode().put("sessionId", sessionId), progressFile);
        return sessionId;
    }

    /** Plans the session, registers the participants and expresses the mutual wishes; returns its id. */
    String planReadyToGenerate() throws IOException, InterruptedException {
        String sessionId = plan();
        readyToGenerate(sessionId);
        return sessionId;
    }

    private String plan() throws IOException, InterruptedException {
        return JSON.readTree(send("/api/sessions", PLAN.formatted(DemoIntroductions.today().plusDays(7)), 201))
                .path("id").asText();
    }

    /**
     * Registers the participants and expresses the mutual wishes; those done at an earlier start (409) stay as they
     * are.
     */
    private void readyToGenerate(String sessionId) throws IOException, InterruptedException {
        String path = "/api/sessions/" + sessionId;
        for (String key : PARTICIPANTS) {
            send(path + "/participants", "{\"actorId\": \"%s\"}".formatted(require(key)), 204, 409);
        }
        for (List<String> pair : MUTUAL_WISHES) {
            send(path + "/wishes", wish(pair.get(0), pair.get(1)), 204, 409);
            send(path + "/wishes", wish(pair.get(1), pair.get(0)), 204, 409);
        }
    }

    private String wish(String from, String to) {
        return "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(require(from), require(to));
    }

    private String require(String key) {
        String id = actors.get(key);
        if (id == null) {
            throw new IllegalStateException("No demo actor " + key);
        }
        return id;
    }

    /** POSTs; the answer must be one of {@code accepted}. */
    private String send(String path, String body, int... accepted) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(matchmaking.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (Arrays.stream(accepted).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException("matchmaking-service refused demo POST " + path + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
