package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A believable history of introductions between the demo territory's actors, made through matchmaking-service's REST
 * API as its users would: actors asking for partners the matcher proposes, the facilitator of Isère introducing others
 * by hand, then answers, meetings and outcomes, so that every state is there (proposed, half accepted, accepted,
 * declined for each reason, withdrawn, met, missed, follow-up, partnership formed and ended, no fit). Loaded once per
 * data folder (a progress file records it). An expired introduction needs its answer period to pass: none is made
 * here. Outcomes are dated on the day they are recorded, as the rules require (never before the proposal).
 */
final class DemoIntroductions {

    static final String FACILITATOR = "facilitator-isere";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Each story: the actor (demo key), the partner, then its steps: {@code accept-a}, {@code accept-b},
     * {@code decline-b:REASON}, {@code withdraw}, {@code meeting-held}, {@code meeting-missed}, {@code meeting-planned},
     * {@code outcome:OUTCOME[:FORM:CATEGORY]}.
     */
    static final List<List<String>> STORIES = List.of(
            List.of("mobilite-solidaire", "transports-guillot"),
            List.of("mjc-roseaux", "fabrique-numerique"),
            List.of("cpie-vercors", "alpenergie", "accept-a"),
            List.of("habitat-jeunes", "alpes-habitat", "accept-b"),
            List.of("banque-alimentaire", "metropole", "accept-a", "accept-b"),
            List.of("ville-echirolles", "mouvement-associatif-isere", "accept-a", "accept-b", "meeting-planned"),
            List.of("sport-sante-nord-isere", "ville-bourgoin", "decline-b:ALREADY_PARTNERS"),
            List.of("compagnie-treteaux", "ville-vienne", "decline-b:NOT_NOW"),
            List.of("vigie-securite", "transports-guillot", "decline-b:COMPETITOR"),
            List.of("epicerie-campus", "ferme-chambarans", "decline-b:NOT_RELEVANT"),
            List.of("aines-trieves", "covoit-alpes", "accept-a", "decline-b:OTHER"),
            List.of("ressourcerie-nord-isere", "alpenergie", "withdraw"),
            List.of("esat-gresivaudan", "france-active-isere", "accept-a", "accept-b", "meeting-held"),
            List.of("uga", "epicerie-campus", "accept-a", "accept-b", "meeting-missed"),
            List.of("commune-la-mure", "covoit-alpes", "accept-a", "accept-b", "meeting-missed", "meeting-held"),
            List.of("ville-voiron", "caf-isere", "accept-a", "accept-b", "meeting-held", "outcome:FOLLOW_UP_PLANNED"),
            List.of("fabrique-numerique", "alpenergie", "accept-a", "accept-b", "meeting-held", "outcome:NO_FIT"),
            List.of("france-travail", "mobilite-solidaire", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:CO_PRODUCTION:SKILLS"),
            List.of("cpie-vercors", "departement-isere", "accept-a", "accept-b", "meeting-held",
                    "outcome:FOLLOW_UP_PLANNED", "outcome:PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("mjc-roseaux", "ville-echirolles", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:PREMISES"),
            List.of("banque-alimentaire", "transports-guillot", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:EQUIPMENT", "outcome:PARTNERSHIP_ENDED"),
            List.of("habitat-jeunes", "caf-isere", "accept-a", "accept-b", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:RESOURCES:FUNDING"),
            List.of("ferme-chambarans", "banque-alimentaire", "accept-a", "accept-b", "meeting-held", "meeting-held",
                    "outcome:PARTNERSHIP_FORMED:POOLING:POOLING"),
            List.of("sport-sante-nord-isere", "aines-trieves", "accept-a"),
            List.of("uga", "fabrique-numerique", "accept-a", "accept-b", "meeting-held", "outcome:FOLLOW_UP_PLANNED"),
            List.of("ville-grenoble", "habitat-jeunes", "accept-a", "accept-b"));

    /** Actors whose member asks the matcher's best partner for them (ACTOR_REQUEST), then the stories above. */
    static final Map<String, String> ASKING_MEMBERS = Map.of(
            "tremplin-insertion", "member-tremplin",
            "mobilite-solidaire", "member-mobilite",
            "fonds-assureur", "member-fonds");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI matchmaking;
    private final LocalAuthServer auth;
    private final Map<String, String> actors;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    DemoIntroductions(URI matchmaking, LocalAuthServer auth, Map<String, String> actorIdsByKey) {
        this.matchmaking = matchmaking;
        this.auth = auth;
        this.actors = actorIdsByKey;
    }

    /** Loads the history unless the progress file says it was loaded; returns how many introductions it made. */
    int loadOnce(Path progressFile) throws IOException, InterruptedException {
        if (Files.exists(progressFile)) {
            return 0;
        }
        awaitActorsKnown(Duration.ofSeconds(90));
        ObjectNode made = JSON.createObjectNode();
        int count = 0;
        for (Map.Entry<String, String> asking : ASKING_MEMBERS.entrySet()) {
            String actor = actors.get(asking.getKey());
            JsonNode partners = JSON.readTree(send("GET", "/api/actors/" + actor + "/partners?limit=1", asking.getValue(), null, 200));
            if (partners.isArray() && !partners.isEmpty()) {
                String partner = partners.get(0).path("actorId").asText();
                String id = id(send("POST", "/api/introductions", asking.getValue(), """
                        {"actorId": "%s", "partnerId": "%s", "note": "Votre offre répond à notre besoin : pouvons-nous en parler ?"}"""
                        .formatted(actor, partner), 201));
                made.put(asking.getKey() + "→" + partner, id);
                count++;
            }
        }
        for (List<String> story : STORIES) {
            made.put(story.get(0) + "→" + story.get(1), tell(story));
            count++;
        }
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(progressFile.toFile(), made);
        return count;
    }

    /** The profile events travel through Kafka: wait until the matcher knows every actor of the stories. */
    private void awaitActorsKnown(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.Set<String> waiting = new java.util.TreeSet<>(ASKING_MEMBERS.keySet());
        STORIES.forEach(story -> waiting.addAll(story.subList(0, 2)));
        while (!waiting.isEmpty()) {
            String key = waiting.iterator().next();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(matchmaking.resolve("/api/actors/"
                            + require(key) + "/partners?limit=1")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.computeIfAbsent(FACILITATOR, auth::token)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                waiting.remove(key);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("matchmaking-service does not know the demo actor " + key + " yet");
            } else {
                Thread.sleep(300);
            }
        }
    }

    private String tell(List<String> story) throws IOException, InterruptedException {
        String a = require(story.get(0));
        String b = require(story.get(1));
        String id = id(send("POST", "/api/introductions", FACILITATOR, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR",
                 "note": "Intermédiation du Labo : vos projets se complètent, je vous propose d'en parler."}"""
                .formatted(a, b), 201));
        String path = "/api/introductions/" + id;
        for (String step : story.subList(2, story.size())) {
            String[] parts = step.split(":");
            switch (parts[0]) {
                case "accept-a" -> send("POST", path + "/accept", FACILITATOR, actingFor(a), 204);
                case "accept-b" -> send("POST", path + "/accept", FACILITATOR, actingFor(b), 204);
                case "decline-b" -> send("POST", path + "/decline", FACILITATOR, """
                        {"actingFor": "%s", "reason": "%s", "text": "Réponse recueillie par le Labo"}""".formatted(b, parts[1]), 204);
                case "withdraw" -> send("POST", path + "/withdraw", FACILITATOR, "{\"reason\": \"Projet suspendu\"}", 204);
                case "meeting-planned" -> meeting(path, Instant.now().plus(Duration.ofDays(10)));
                case "meeting-held", "meeting-missed" -> {
                    String meeting = meeting(path, Instant.now().minus(Duration.ofHours(3)));
                    send("POST", path + "/meetings/" + meeting + (parts[0].equals("meeting-held") ? "/held" : "/missed"),
                            FACILITATOR, "{\"note\": \"Compte rendu du Labo\"}", 204);
                }
                case "outcome" -> send("POST", path + "/outcomes", FACILITATOR, parts.length == 4 ? """
                        {"outcome": "%s", "day": "%s", "note": "Suivi du Labo", "form": "%s", "category": "%s"}"""
                        .formatted(parts[1], today(), parts[2], parts[3])
                        : "{\"outcome\": \"%s\", \"day\": \"%s\", \"note\": \"Suivi du Labo\"}".formatted(parts[1], today()), 204);
                default -> throw new IllegalStateException("Unknown demo step " + step);
            }
        }
        return id;
    }

    private String meeting(String path, Instant startsAt) throws IOException, InterruptedException {
        return id(send("POST", path + "/meetings", FACILITATOR,
                "{\"startsAt\": \"%s\", \"place\": \"Maison des associations, Grenoble\"}".formatted(startsAt), 201));
    }

    private String require(String key) {
        String id = actors.get(key);
        if (id == null) {
            throw new IllegalStateException("No demo actor " + key);
        }
        return id;
    }

    private static String actingFor(String actor) {
        return "{\"actingFor\": \"%s\"}".formatted(actor);
    }

    private static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    private static String id(String body) throws IOException {
        return JSON.readTree(body).path("id").asText();
    }

    private String send(String method, String path, String account, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(matchmaking.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(account, auth::token)).header("Accept", "application/json");
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("matchmaking-service refused demo " + method + " " + path + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
