package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo territory (actors of Isère with their needs and offers), loaded through profile-service's REST API as a
 * newcomer would enter it, signed in: each actor is registered by the demo account its {@code registeredBy} names
 * (the document's default: the facilitator of Isère), which then posts its needs and offers too; an actor member who
 * registers its actor becomes its member. Loading is idempotent and resumable: every id the service hands back is
 * recorded at once in a progress file next to the data, and what is recorded is never posted again.
 */
final class DemoTerritory {

    static final String RESOURCE = "/demo/isere.json";
    /** The account whose token the launcher's ready-made {@code curl}s use. */
    static final String SHOWCASE_ACCOUNT = "facilitator-isere";

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POST_KINDS = List.of("needs", "offers");

    private final JsonNode document;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoTerritory(JsonNode document) {
        this.document = document;
    }

    static DemoTerritory fromClasspath() {
        try (InputStream in = DemoTerritory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new DemoTerritory(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** The key of the need whose matches the launcher shows first. */
    String showcaseNeedKey() {
        return document.path("showcase").path("need").asText();
    }

    int actorCount() {
        return document.path("actors").size();
    }

    /** Ids handed out by profile-service, by demo key. */
    record Loaded(Map<String, String> actors, Map<String, String> needs, Map<String, String> offers, int posted) {
        String needId(String key) {
            return needs.get(key);
        }
    }

    /** The demo account that registers the actor and posts for it. */
    String registeredBy(JsonNode actor) {
        return actor.path("registeredBy").asText(document.path("registeredBy").asText());
    }

    /** Posts whatever the progress file does not record yet; returns every id, old and new. */
    Loaded load(URI profileService, Path progressFile, LocalAuthServer auth) throws IOException, InterruptedException {
        return load(profileService, progressFile, auth, List.of());
    }

    /**
     * As {@link #load(URI, Path, LocalAuthServer)}; {@code madeFromIt} are the progress files of what is made from the
     * territory (the demo history, the session): when the territory is loaded anew (its database deleted), they are
     * deleted first, before anything is posted, so that what they say was made is made again for the new actors, even
     * if this start is interrupted.
     */
    Loaded load(URI profileService, Path progressFile, LocalAuthServer auth, List<Path> madeFromIt)
            throws IOException, InterruptedException {
        Map<String, String> tokens = new HashMap<>();
        Function<String, String> tokenFor = account -> tokens.computeIfAbsent(account, auth::token);
        ObjectNode progress = readProgress(profileService, progressFile, tokenFor.apply(SHOWCASE_ACCOUNT));
        if (Files.exists(progressFile) && progress.isEmpty()) {
            for (Path made : madeFromIt) {
                Files.deleteIfExists(made);
            }
        }
        int posted = 0;
        LocalDate today = DemoIntroductions.today();
        for (JsonNode actor : document.path("actors")) {
            String actorKey = actor.path("key").asText();
            String token = tokenFor.apply(registeredBy(actor));
            String actorId = progress.with("actors").path(actorKey).asText(null);
            if (actorId == null) {
                ObjectNode body = actor.deepCopy();
                body.remove(List.of("key", "registeredBy", "needs", "offers"));
                actorId = post(profileService.resolve("/api/actors"), body, "actor " + actorKey, token);
                progress.with("actors").put(actorKey, actorId);
                writeProgress(progressFile, progress);
                posted++;
            }
            for (String kind : POST_KINDS) {
                for (JsonNode post : actor.path(kind)) {
                    String postKey = post.path("key").asText();
                    if (progress.with(kind).has(postKey)) {
                        continue;
                    }
                    ObjectNode body = postBody(post, today);
                    String id = post(profileService.resolve("/api/actors/" + actorId + "/" + kind), body, kind + " " + postKey, token);
                    progress.with(kind).put(postKey, id);
                    writeProgress(progressFile, progress);
                    posted++;
                }
            }
        }
        return new Loaded(toMap(progress.with("actors")), toMap(progress.with("needs")), toMap(progress.with("offers")), posted);
    }

    /**
     * A need or an offer as it is posted on {@code today}: a demo post stands for {@code validForMonths} months from
     * the day the demo is loaded, or has no end ({@code "validUntil": null}); never until a fixed day, which would one
     * day be past and the post refused — the demo would no longer load.
     */
    static ObjectNode postBody(JsonNode post, LocalDate today) {
        ObjectNode body = post.deepCopy();
        body.remove(List.of("key", "validForMonths"));
        JsonNode months = post.path("validForMonths");
        if (months.isInt()) {
            body.put("validUntil", today.plusMonths(months.asInt()).toString());
        }
        return body;
    }

    /**
     * Polls matchmaking-service until the need has at least one match (the events went through Kafka and the
     * projection); returns the matches, or an empty node if none came in time.
     */
    JsonNode awaitMatches(URI matchmakingService, String needId, Duration timeout, String token) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = matchmakingService.resolve("/api/needs/" + needId + "/matches?limit=5");
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                                .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode matches = matchList(JSON.readTree(response.body()));
                    if (matches.size() > 0) {
                        return matches;
                    }
                }
            } catch (IOException e) {
                // not answering yet: try again
            }
            Thread.sleep(500);
        }
        return JSON.createArrayNode();
    }

    /** The array of matches, whether the service answers with a bare array or wraps it in an object. */
    static JsonNode matchList(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        for (Iterator<JsonNode> fields = body.elements(); fields.hasNext(); ) {
            JsonNode field = fields.next();
            if (field.isArray()) {
                return field;
            }
        }
        return JSON.createArrayNode();
    }

    private String post(URI uri, JsonNode body, String what, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("profile-service refused demo " + what + ": " + response.statusCode() + " " + response.body());
        }
        String id = JSON.readTree(response.body()).path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException("profile-service answered demo " + what + " without an id: " + response.body());
        }
        return id;
    }

    /** Reads the progress file, forgetting it if profile-service no longer knows the actors it records (data wiped). */
    private ObjectNode readProgress(URI profileService, Path progressFile, String token) throws IOException, InterruptedException {
        if (!Files.exists(progressFile)) {
            return JSON.createObjectNode();
        }
        ObjectNode progress = (ObjectNode) JSON.readTree(progressFile.toFile());
        Iterator<String> keys = progress.with("actors").fieldNames();
        if (keys.hasNext()) {
            String someActor = progress.with("actors").path(keys.next()).asText();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(profileService.resolve("/api/actors/" + someActor))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                log.warn("profile-service does not know the demo actors recorded in {}: loading the demo territory again", progressFile);
                return JSON.createObjectNode();
            }
        }
        return progress;
    }

    private static void writeProgress(Path progressFile, ObjectNode progress) throws IOException {
        Files.createDirectories(progressFile.toAbsolutePath().getParent());
        Path tmp = progressFile.resolveSibling(progressFile.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), progress);
        Files.move(tmp, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> toMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Every need key of the document, in order (for checks). */
    List<String> needKeys() {
        List<String> keys = new ArrayList<>();
        document.path("actors").forEach(a -> a.path("needs").forEach(n -> keys.add(n.path("key").asText())));
        return keys;
    }
}
