package fr.labos.partenariats.profile.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a new user might send by mistake, or an attacker on purpose: each is answered with an RFC 7807 problem
 * (never a 500, never an HTML page, never an echo of the whole input) and writes nothing to the event store. Sent
 * by an administrator, so that what is refused is refused for its input.
 */
@ProfileServiceIntegrationTest
class HostileInputTest {

    private static final String ACTOR = """
            {"name": "Wimoov Isère", "type": "ASSOCIATION", "homeTerritory": "38185", "sdgs": [8]}""";
    private static final String POST = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Financer une plateforme de mobilité",
             "territory": {"code": "38", "level": "DEPARTEMENT"}, "sdgs": %s}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    /** An administrator may act on every actor: what is refused here is refused for its input, not for its rights. */
    private final String admin = TestTokens.bearer(TestTokens.admin().sign());
    private String actor;
    private String need;
    private String offer;

    @BeforeEach
    void anActorWithANeedAndAnOffer() throws Exception {
        actor = created(send("POST", "/api/actors", ACTOR));
        need = created(send("POST", "/api/actors/" + actor + "/needs", POST.formatted("[8]")));
        offer = created(send("POST", "/api/actors/" + actor + "/offers", POST.formatted("[8]")));
    }

    /** Each path puts an id where another kind of id belongs: an offer's under /needs, a need's as an actor... */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "PUT    | /api/actors/{need}                          | ACTOR",
            "PUT    | /api/actors/{offer}                         | ACTOR",
            "DELETE | /api/actors/{need}/contact                  |",
            "DELETE | /api/actors/{offer}/contact                 |",
            "PUT    | /api/actors/{actor}/needs/{offer}           | POST",
            "DELETE | /api/actors/{actor}/needs/{offer}           |",
            "POST   | /api/actors/{actor}/needs/{offer}/fulfilment |",
            "PUT    | /api/actors/{actor}/offers/{need}           | POST",
            "DELETE | /api/actors/{actor}/offers/{need}           |",
            "PUT    | /api/actors/{actor}/needs/{actor}           | POST",
            "DELETE | /api/actors/{actor}/offers/{actor}          |",
            "POST   | /api/actors/{actor}/needs/{actor}/fulfilment |",
            "POST   | /api/actors/{need}/needs                    | POST",
            "GET    | /api/actors/{need}                          |",
            "GET    | /api/actors/{actor}/offers/{need}           |",
    })
    void anIdOfTheWrongKindIs404AndWritesNothing(String method, String template, String body) throws Exception {
        String path = template.replace("{actor}", actor).replace("{need}", need).replace("{offer}", offer);
        String payload = body == null ? null : body.equals("ACTOR") ? ACTOR : POST.formatted("[8]");
        long before = events();

        HttpResponse<String> response = send(method, path, payload);

        assertProblem(response, 404);
        assertThat(json.readTree(response.body()).get("type").asText())
                .isEqualTo("https://labos-partenariats.fr/problems/not-found");
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "sdgs {0}")
    @CsvSource(delimiter = '|', value = {"[8.5]", "[\"8\"]", "[true]", "[8e0]", "8"})
    void anSdgThatIsNotAWholeNumberIsRefusedNamingTheField(String sdgs) throws Exception {
        long before = events();

        HttpResponse<String> response = send("POST", "/api/actors/" + actor + "/needs", POST.formatted(sdgs));

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field").get(0)).startsWith("sdgs");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aHugeBadValueIsNamedButNotEchoed() throws Exception {
        String huge = "X".repeat(50_000);
        HttpResponse<String> response = send("POST", "/api/actors/" + actor + "/needs",
                POST.formatted("[8]").replace("\"FUNDING\"", "\"" + huge + "\""));

        assertProblem(response, 400);
        assertThat(response.body().length()).isLessThan(2_000);
        assertThat(response.body()).doesNotContain("X".repeat(81)).doesNotContain("java.").doesNotContain("Exception");
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field")).containsExactly("category");
    }

    @Test
    void aOneMegabyteBodyIs413AndWritesNothing() throws Exception {
        long before = events();
        String description = "d".repeat(1 << 20);
        HttpResponse<String> response = send("POST", "/api/actors/" + actor + "/needs",
                POST.formatted("[8]").replace("\"title\"", "\"description\": \"" + description + "\", \"title\""));

        assertProblem(response, 413);
        assertThat(response.body().length()).isLessThan(2_000);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void tenThousandThemesAre413AndWriteNothing() throws Exception {
        long before = events();
        String themes = String.join(",", java.util.Collections.nCopies(10_000, "\"MOBILITY\""));
        HttpResponse<String> response = send("POST", "/api/actors/" + actor + "/needs",
                POST.formatted("[8]").replace("\"title\"", "\"themes\": [" + themes + "], \"title\""));

        assertProblem(response, 413);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPercentEncodedUtf8ReasonIsDecoded() throws Exception {
        HttpResponse<String> response = send("DELETE",
                "/api/actors/" + actor + "/needs/" + need + "?reason=projet%20report%C3%A9", null);

        assertThat(response.statusCode()).isEqualTo(204);
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND payloadtype LIKE '%NeedWithdrawnEvent'", String.class, need);
        assertThat(json.readTree(stored).get("reason").asText()).isEqualTo("projet reporté");
    }

    @Test
    void problemsAreInFrenchByDefaultAndInEnglishOnRequest() throws Exception {
        HttpResponse<String> french = send("GET", "/api/actors/no-such-actor", null);
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/actors/no-such-actor"))
                .header("Accept-Language", "en-GB,en;q=0.9").header("Authorization", admin).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(french.body()).get("title").asText()).isEqualTo("Introuvable");
        assertThat(json.readTree(french.body()).get("detail").asText()).isEqualTo("Aucun acteur « no-such-actor ».");
        assertThat(json.readTree(english.body()).get("title").asText()).isEqualTo("Not found");
        assertThat(json.readTree(english.body()).get("detail").asText()).isEqualTo("No actor \"no-such-actor\".");
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://labos-partenariats.fr/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", admin);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }
}
