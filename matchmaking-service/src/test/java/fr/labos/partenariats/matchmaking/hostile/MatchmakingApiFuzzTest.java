package fr.labos.partenariats.matchmaking.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.OpenApiFuzz;
import fr.labos.partenariats.platform.testing.RawHttp;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of matchmaking-service's OpenAPI document, attacked (see {@link OpenApiFuzz}): ids of the wrong kind,
 * garbage in the path, wrong types and unknown values in every query parameter. Not one 5xx, not one HTML page,
 * every refusal a problem document; the document itself has a real title, the problem responses, and no required
 * parameter the endpoints do not require.
 */
class MatchmakingApiFuzzTest {

    @Test
    void everyOperationRefusesHostileInputWithAProblem() throws Exception {
        String topic = SharedKafka.newTopic("it.fuzz.profile.events");
        try (InMemoryMongo mongo = InMemoryMongo.start();
             ProfileEventPublisher publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
             RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                     "it-fuzz", "lab.limits.rate.enabled=false")) {
            publisher.publish("actor-1", 0, new ActorRegisteredEvent("actor-1", "Wimoov", ActorType.ASSOCIATION, "38185",
                    Set.of(), Set.of(), "", Instant.now()));
            publisher.publish("need-1", 0, new NeedRegisteredEvent("need-1", "actor-1",
                    post(ResourceCategory.FUNDING).build(), Instant.now()));
            publisher.publish("offer-1", 0, new OfferRegisteredEvent("offer-1", "actor-1",
                    post(ResourceCategory.FUNDING).build(), Instant.now()));
            publisher.publish("actor-2", 0, new ActorRegisteredEvent("actor-2", "Fondation", ActorType.FOUNDATION, "38185",
                    Set.of(), Set.of(), "", Instant.now()));
            // Both actors known (their events may travel on different partitions), and the posts of actor-1: in the
            // index (rankings) and in the projection, which an introduction's proposal reads (their inboxes answer).
            await().until(() -> service.get("/api/offers/offer-1/matches").statusCode() == 200
                    && service.get("/api/actors/actor-1/partners").statusCode() == 200
                    && service.get("/api/actors/actor-2/partners").statusCode() == 200
                    && service.get("/api/actors/actor-1/introductions").statusCode() == 200
                    && service.get("/api/actors/actor-2/introductions").statusCode() == 200);
            int port = service.port();
            String adminToken = TestTokens.admin().sign();
            String admin = TestTokens.bearer(adminToken);
            // An introduction withdrawn already: whatever valid request reaches it is refused (409), and writes nothing.
            var proposed = service.post("/api/introductions", adminToken,
                    "{\"actorId\": \"actor-1\", \"partnerId\": \"actor-2\", \"source\": \"FACILITATOR\"}");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            String introduction = RunningMatchmaking.parse(proposed.body()).path("id").asText();
            assertThat(service.post("/api/introductions/" + introduction + "/withdraw", adminToken, "{}").statusCode()).isEqualTo(204);
            EventStoreRows store = new EventStoreRows(service.databaseUrl());
            long events = store.events();
            OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + port, request -> request.header("Authorization", admin));
            JsonNode document = RunningMatchmaking.parse(service.get("/v3/api-docs").body());
            // The live stream takes no input to attack, and its answer is a stream that does not end.
            // Planning a session with a valid body writes one: its validation is tested in SessionApiTest.
            List<OpenApiFuzz.Operation> operations = fuzz.operations(document).stream()
                    .filter(operation -> !operation.path().equals("/api/live"))
                    .filter(operation -> !(operation.path().equals("/api/sessions") && operation.method().equals("POST")))
                    .toList();
            assertThat(operations).extracting(o -> o.method() + " " + o.path()).contains("GET /api/needs/{needId}/matches",
                    "GET /api/offers/{offerId}/matches", "GET /api/actors/{actorId}/partners", "POST /api/introductions",
                    "POST /api/introductions/{introductionId}/accept", "POST /api/introductions/{introductionId}/outcomes");

            List<OpenApiFuzz.Exchange> exchanges = new ArrayList<>();
            for (OpenApiFuzz.Operation operation : operations) {
                Function<String, List<String>> ids = variable -> switch (variable) {
                    case "needId" -> withGarbage("need-1", "offer-1", "actor-1");
                    case "offerId" -> withGarbage("offer-1", "need-1", "actor-1");
                    case "actorId" -> withGarbage("actor-1", "need-1", "offer-1");
                    case "introductionId" -> withGarbage(introduction, "need-1", "actor-1");
                    default -> withGarbage("unknown");
                };
                if (isHistoryRead(operation.path())) {
                    exchanges.addAll(fuzz.attack(operation, ids, null));
                    continue;
                }
                if (operation.path().startsWith("/api/introductions") && operation.method().equals("POST")) {
                    exchanges.addAll(fuzz.attack(operation, ids, introductionBody(operation.path())));
                    continue;
                }
                exchanges.addAll(fuzz.attack(operation, ids, operation.path().startsWith("/api/sessions")
                        ? sessionBody(operation.path()) : null));
                if (!isRanking(operation.path())) {
                    // The introduction views and dashboards take no ranking filters: theirs are attacked above.
                    continue;
                }
                // Filter values no enum describes in the document: unknown names, and a code without its level.
                String path = operation.path().replaceAll("\\{[^}]+}", operation.path().contains("needs") ? "need-1"
                        : operation.path().contains("offers") ? "offer-1" : "actor-1");
                for (String query : List.of("territoryLevel=PLANETE", "territoryCode=38", "actorType=ALIEN",
                        "category=MONEY", "territoryLevel=DEPARTEMENT&territoryCode=%00", "category=%C3%A9",
                        "actorType=" + "A".repeat(5_000))) {
                    exchanges.add(fuzz.send("GET", path + "?" + query, null));
                }
            }

            assertThat(exchanges).hasSizeGreaterThan(60);
            assertThat(exchanges).filteredOn(e -> !OpenApiFuzz.isProperRefusal(e)).isEmpty();
            assertThat(store.events()).as("events written by hostile requests").isEqualTo(events);
            assertThat(RawHttp.get(port, "/api/needs/need-1/matches?territoryCode=é", "Authorization: " + admin).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void theOpenApiDocumentSaysWhatTheApiDoes() {
        String topic = SharedKafka.newTopic("it.openapi.profile.events");
        try (InMemoryMongo mongo = InMemoryMongo.start();
             RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                     "it-openapi")) {
            JsonNode document = RunningMatchmaking.parse(service.get("/v3/api-docs").body());

            assertThat(document.at("/info/title").asText()).contains("matchmaking-service").doesNotContain("OpenAPI definition");
            assertThat(document.at("/info/description").asText()).isNotBlank();
            assertThat(document.at("/components/schemas/Problem/properties/errors").isMissingNode()).isFalse();
            document.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(method -> {
                JsonNode operation = method.getValue();
                if (isHistoryRead(item.getKey())) {
                    assertThat(operation.path("responses").fieldNames()).toIterable()
                            .contains("200", "400", "401", "403", "429");
                    if (!item.getKey().endsWith("/public-key")) {
                        assertThat(operation.path("responses").fieldNames()).toIterable().as(item.getKey()).contains("404");
                    }
                    return;
                }
                if (item.getKey().equals("/api/introductions/batch") || item.getKey().equals("/api/introductions/past")) {
                    // A report of what the batch or the import did (200), for a facilitator's territory; nothing to
                    // find by id (an unknown actor in a file is a line of the 400).
                    assertThat(operation.path("responses").fieldNames()).toIterable()
                            .contains("200", "400", "401", "403", "429", "503");
                    return;
                }
                if (item.getKey().startsWith("/api/introductions") && method.getKey().equals("post")) {
                    assertThat(operation.path("responses").fieldNames()).toIterable()
                            .contains("400", "401", "403", "404", "409", "429").containsAnyOf("201", "204");
                    return;
                }
                // Speed-meeting sessions: a session's state refuses with a 409, a missing session is a 404.
                if (item.getKey().startsWith("/api/sessions")) {
                    assertThat(operation.path("responses").fieldNames()).toIterable()
                            .contains("400", "401", "403", "404", "409", "429").containsAnyOf("200", "201", "204");
                    return;
                }
                assertThat(operation.path("responses").fieldNames()).toIterable().as(method.getKey() + " " + item.getKey())
                        .contains("200", "400", "401", "403", "429", "503");
                // Only an operation that names an object in its path can find it missing.
                String notFound = operation.at("/responses/404/content/application~1problem+json/schema/$ref").asText();
                assertThat(notFound).isEqualTo(item.getKey().contains("{") ? "#/components/schemas/Problem" : "");
                operation.path("parameters").forEach(parameter -> {
                    if (!parameter.path("in").asText().equals("path")) {
                        assertThat(parameter.path("required").asBoolean()).as(parameter.toString()).isFalse();
                    }
                });
            }));
            // The rankings take their filters as plain, optional query parameters.
            document.path("paths").fields().forEachRemaining(item -> {
                if (item.getKey().matches(".*/(matches|partners)$")) {
                    assertThat(item.getValue().path("get").path("parameters").findValuesAsText("name")).doesNotContain("filter")
                            .contains("territoryLevel", "territoryCode", "actorType", "category");
                }
            });
        }
    }

    /** The ranking endpoints, which take the ranking filters; the views and dashboards have filters of their own. */
    private static boolean isRanking(String path) {
        return path.endsWith("/matches") || path.endsWith("/partners");
    }

    /** The introductions' history and the tree over it: reads, with no ranking filters. */
    private static boolean isHistoryRead(String path) {
        return path.startsWith("/api/introduction-log/") || path.matches("/api/introductions/\\{[^}]+}/(history|verification)");
    }

    /** A valid body for each operation of the introduction API. */
    private static String introductionBody(String path) {
        if (path.equals("/api/introductions")) {
            return "{\"actorId\": \"actor-1\", \"partnerId\": \"actor-2\", \"source\": \"FACILITATOR\"}";
        }
        if (path.endsWith("/decline")) {
            return "{\"actingFor\": \"actor-1\", \"reason\": \"NOT_NOW\"}";
        }
        if (path.endsWith("/withdraw")) {
            return "{\"reason\": \"plus d'actualité\"}";
        }
        if (path.endsWith("/meetings")) {
            return "{\"startsAt\": \"2026-01-05T10:00:00Z\", \"actingFor\": \"actor-1\"}";
        }
        if (path.endsWith("/outcomes")) {
            return "{\"actingFor\": \"actor-1\", \"outcome\": \"NO_FIT\", \"day\": \"2026-01-05\"}";
        }
        return "{\"actingFor\": \"actor-1\"}";
    }

    /** A well-formed body for each session operation that takes one (the sessions named do not exist: 404). */
    private static String sessionBody(String path) {
        if (path.endsWith("/participants")) {
            return "{\"actorId\": \"actor-1\"}";
        }
        if (path.endsWith("/wishes")) {
            return "{\"actorId\": \"actor-1\", \"wishedActorId\": \"actor-2\"}";
        }
        return "{\"actorId\": \"actor-1\"}";
    }

    private static List<String> withGarbage(String valid, String... wrongKinds) {
        List<String> ids = new ArrayList<>(List.of(valid));
        ids.addAll(List.of(wrongKinds));
        ids.addAll(OpenApiFuzz.GARBAGE_IDS);
        return ids;
    }
}
