package fr.labos.partenariats.profile.hostile;

import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.OpenApiFuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of profile-service's OpenAPI document, attacked (see {@link OpenApiFuzz}): not one 5xx, not one
 * HTML page, every refusal a problem document, and not one event written.
 */
@ProfileServiceIntegrationTest
class ProfileApiFuzzTest {

    private static final String ACTOR = """
            {"name": "Wimoov Isère", "type": "ASSOCIATION", "homeTerritory": "38185", "themes": ["MOBILITY"],
             "sdgs": [8], "description": "Plateforme de mobilité",
             "contact": {"name": "Camille Martin", "email": "camille@example.org", "phone": "0476000000"}}""";
    private static final String POST = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Financer une plateforme de mobilité",
             "description": "Un mécène", "themes": ["MOBILITY"], "sdgs": [8],
             "territory": {"code": "38", "level": "DEPARTEMENT"}, "validUntil": null}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyOperationRefusesHostileInputWithAProblemAndWritesNothing() throws Exception {
        // As an administrator, who may act on every actor: what is refused is refused for its input.
        String admin = TestTokens.bearer(TestTokens.admin().sign());
        OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + port, request -> request.header("Authorization", admin));
        String actor = created(fuzz.send("POST", "/api/actors", ACTOR));
        // Withdrawn posts: a request that gets past every check of its input still changes nothing (409).
        String need = created(fuzz.send("POST", "/api/actors/" + actor + "/needs", POST));
        String offer = created(fuzz.send("POST", "/api/actors/" + actor + "/offers", POST));
        assertThat(fuzz.send("DELETE", "/api/actors/" + actor + "/needs/" + need, null).status()).isEqualTo(204);
        assertThat(fuzz.send("DELETE", "/api/actors/" + actor + "/offers/" + offer, null).status()).isEqualTo(204);
        JsonNode document = json.readTree(fuzz.send("GET", "/v3/api-docs", null).answer());
        List<OpenApiFuzz.Operation> operations = fuzz.operations(document);
        assertThat(operations).extracting(o -> o.method() + " " + o.path()).hasSizeGreaterThanOrEqualTo(10);
        long before = events();

        List<OpenApiFuzz.Exchange> exchanges = new ArrayList<>();
        for (OpenApiFuzz.Operation operation : operations) {
            boolean isNeedPath = operation.path().contains("/needs");
            Function<String, List<String>> ids = variable -> switch (variable) {
                case "actorId" -> withGarbage(actor, need, offer);
                case "needId" -> withGarbage(need, offer, actor);
                case "postId" -> isNeedPath ? withGarbage(need, offer, actor) : withGarbage(offer, need, actor);
                case "kind" -> List.of(isNeedPath ? "needs" : "offers", "posts", "needs%2F..", "NEEDS");
                default -> withGarbage("unknown-" + variable);
            };
            String body = operation.path().equals("/api/actors") || operation.path().equals("/api/actors/{actorId}")
                    ? ACTOR : operation.path().endsWith("fulfilment") ? "{\"note\": \"ok\"}" : POST;
            exchanges.addAll(fuzz.attack(operation, ids, body));
        }

        assertThat(exchanges).hasSizeGreaterThan(300);
        assertThat(exchanges).filteredOn(e -> !OpenApiFuzz.isProperRefusal(e)).isEmpty();
        assertThat(events()).as("events written by hostile requests").isEqualTo(before);
    }

    @Test
    void theOpenApiDocumentSaysWhatTheApiDoes() throws Exception {
        OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + port, request -> request);
        JsonNode document = json.readTree(fuzz.send("GET", "/v3/api-docs", null).answer());

        assertThat(document.at("/info/title").asText()).contains("profile-service");
        assertThat(document.at("/info/description").asText()).isNotBlank();
        JsonNode paths = document.path("paths");
        assertThat(paths.at("/~1api~1actors/post/responses").fieldNames()).toIterable()
                .contains("201", "400", "401", "403", "413", "429").doesNotContain("200");
        // Erasing the contact changes the actor: a concurrent change of it is refused (409).
        assertThat(paths.at("/~1api~1actors~1{actorId}~1contact/delete/responses").fieldNames()).toIterable()
                .contains("204", "404", "409").doesNotContain("200");
        // The memberships' and invitations' conflicts (the last manager, a code used or expired, too many waiting).
        assertThat(paths.at("/~1api~1actors~1{actorId}~1members~1{memberSubject}~1role/put/responses").fieldNames())
                .toIterable().contains("204", "403", "404", "409");
        assertThat(paths.at("/~1api~1actors~1{actorId}~1members~1{memberSubject}/delete/responses").fieldNames())
                .toIterable().contains("204", "409");
        assertThat(paths.at("/~1api~1actors~1{actorId}~1invitations/post/responses").fieldNames()).toIterable()
                .contains("201", "409");
        assertThat(paths.at("/~1api~1me~1actors/post/responses").fieldNames()).toIterable().contains("404", "409");
        assertThat(paths.at("/~1api~1actors~1{actorId}~1members/get/responses").fieldNames()).toIterable()
                .doesNotContain("409");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.at("/400/content/application~1problem+json/schema/$ref").asText())
                    .as(operation.getKey() + " " + path.getKey()).isEqualTo("#/components/schemas/Problem");
            if (path.getKey().contains("{postId}") && !operation.getKey().equals("get")) {
                assertThat(responses.has("409")).as(operation.getKey() + " " + path.getKey()).isTrue();
            }
            operation.getValue().path("parameters").forEach(parameter -> {
                if (!parameter.path("in").asText().equals("path")) {
                    // Optional, every one (a parameter with a default must not read as required), but the words a
                    // territory is searched by: without them there is nothing to search (a 400).
                    boolean searchWords = path.getKey().equals("/api/territories") && parameter.path("name").asText().equals("q");
                    assertThat(parameter.path("required").asBoolean()).as(parameter.toString()).isEqualTo(searchWords);
                }
            });
        }));
    }

    private static List<String> withGarbage(String valid, String... wrongKinds) {
        List<String> ids = new ArrayList<>(List.of(valid));
        ids.addAll(List.of(wrongKinds));
        ids.addAll(OpenApiFuzz.GARBAGE_IDS);
        return ids;
    }

    private String created(OpenApiFuzz.Exchange exchange) throws Exception {
        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(201);
        return json.readTree(exchange.answer()).get("id").asText();
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }
}
