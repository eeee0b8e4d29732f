package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Plans the session unless the progress file says it was; returns its id, or null when it already was. */
    String loadOnce(Path progressFile) throws IOException, InterruptedException {
        if (Files.exists(progressFile)) {
            return null;
        }
        String sessionId = planReadyToGenerate();
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        ObjectNode made = JSON.createObjectNode().put("sessionId", sessionId);
        JSON.writerWithDefaultPrettyPrinter().writeValue(progressFile.toFile(), made);
        return sessionId;
    }

    /** Plans the session, registers the participants and expresses the mutual wishes; returns its id. */
    String planReadyToGenerate() throws IOException, InterruptedException {
        String sessionId = JSON.readTree(send("/api/sessions",
                PLAN.formatted(DemoIntroductions.today().plusDays(7)), 201)).path("id").asText();
        String path = "/api/sessions/" + sessionId;
        for (String key : PARTICIPANTS) {
            send(path + "/participants", "{\"actorId\": \"%s\"}".formatted(require(key)), 204);
        }
        for (List<String> pair : MUTUAL_WISHES) {
            send(path + "/wishes", wish(pair.get(0), pair.get(1)), 204);
            send(path + "/wishes", wish(pair.get(1), pair.get(0)), 204);
        }
        return sessionId;
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

    private String send(String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(matchmaking.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("matchmaking-service refused demo POST " + path + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
