package fr.labos.partenariats.profile.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API of profile-service against a real PostgreSQL and a real Kafka broker: what gets created, and
 * that every invalid request is answered with an RFC 7807 problem naming the field and writes no event.
 */
@ProfileServiceIntegrationTest
class ProfileApiIntegrationTest {

    private static final String ACTOR_JSON = """
            {"name": "Wimoov Isère", "type": "ASSOCIATION", "homeTerritory": "38185",
             "themes": ["MOBILITY"], "sdgs": [8, 10], "description": "Plateforme de mobilité",
             "contact": {"name": "Camille Martin", "email": "camille@example.org", "phone": "0476000000"}}
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    RestClient http;

    @BeforeEach
    void setUp() {
        // What these tests check is the API's behaviour, not who may use it: they act as an admin.
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin().sign()))
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }

    @Test
    void registeringAnActorAnswers201WithItsIdAndLocation() throws Exception {
        var response = http.post().uri("/api/actors").contentType(MediaType.APPLICATION_JSON).body(ACTOR_JSON)
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(response.getBody()).get("id").asText();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/actors/" + id);

        JsonNode actor = getJson("/api/actors/" + id);
        assertThat(actor.at("/profile/name").asText()).isEqualTo("Wimoov Isère");
        assertThat(actor.at("/profile/sdgs").toString()).isEqualTo("[8,10]");
        assertThat(actor.at("/contact/email").asText()).isEqualTo("camille@example.org");
    }

    @Test
    void theActorsOfADepartementOrARegionAreListedPageByPageAndAnUnknownTerritoryIsRefused() throws Exception {
        String grenoble = registerActor();
        String chambery = idOf(post("/api/actors", ACTOR_JSON.replace("Wimoov Isère", "Wimoov Savoie")
                .replace("38185", "73065")).getBody());
        String voiron = idOf(post("/api/actors", ACTOR_JSON.replace("Wimoov Isère", "Wimoov Voiron")
                .replace("38185", "38563")).getBody());

        // Pages of 100 (other tests of this context import actors of Isère by the thousand), none read twice.
        List<String> isere = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = json.readTree(http.get().uri("/api/actors?territory=DEPARTEMENT:38&limit=100&offset={o}",
                    offset).retrieve().body(String.class));
            assertThat(page.size()).isLessThanOrEqualTo(100);
            page.forEach(actor -> isere.add(actor.path("id").asText()));
            if (page.size() < 100) {
                break;
            }
        }
        assertThat(isere).as("in the order they registered").containsSubsequence(grenoble, voiron)
                .doesNotContain(chambery).doesNotHaveDuplicates();
        List<JsonNode> savoie = allIn("DEPARTEMENT:73");
        savoie.forEach(actor -> assertThat(actor.path("homeTerritory").asText()).startsWith("73"));
        assertThat(savoie).extracting(actor -> actor.path("id").asText()).contains(chambery);
        // Other tests of this context import a thousand actors of Isère and more: read every page.
        assertThat(allIn("REGION:84")).extracting(actor -> actor.path("id").asText()).contains(grenoble, chambery, voiron);

        for (String unknown : List.of("DEPARTEMENT:99", "38", "COMMUNE:38185")) {
            var refused = http.get().uri("/api/actors?territory={t}", unknown).retrieve().toEntity(String.class);
            assertThat(refused.getStatusCode()).as(unknown).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(unknown).contains("« " + unknown + " » n'est ni un département ni une "
                    + "région en vigueur (écrire DEPARTEMENT:38 ou REGION:84)");
        }
    }

    /**
     * A need past its date is no longer open: the matcher stopped proposing it the day after, and its actor's page
     * showed it « Ouvert » for ever. It is listed as EXPIRED with the closed posts (for those who act for the actor),
     * and given a new date it is open again. (Its date is moved back in the read model: the API refuses a past one.)
     */
    @Test
    void aNeedPastItsDateIsExpiredUntilGivenANewOne() throws Exception {
        String actor = registerActor();
        LocalDate today = LabCalendar.today(java.time.Clock.systemUTC());
        String need = idOf(post("/api/actors/" + actor + "/needs",
                needJson("FUNDING", "38", "DEPARTEMENT", today.toString())).getBody());
        assertThat(getJson("/api/actors/" + actor + "/needs").findValuesAsText("id")).contains(need);

        jdbc.update("UPDATE post_view SET document = jsonb_set(document, '{details,validUntil}', to_jsonb(?::text)) "
                + "WHERE post_id = ?", today.minusDays(1).toString(), need);

        assertThat(getJson("/api/actors/" + actor + "/needs").findValuesAsText("id")).doesNotContain(need);
        JsonNode closed = getJson("/api/actors/" + actor + "/needs?includeClosed=true");
        assertThat(closed.findValuesAsText("id")).contains(need);
        assertThat(getJson("/api/actors/" + actor + "/needs/" + need).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(getJson("/api/actors/" + actor + "/export").path("needs").findValuesAsText("status"))
                .as("the actor's export says it as the API does").containsExactly("EXPIRED");
        var byViewer = http.get().uri("/api/actors/{a}/needs/{n}", actor, need)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer().sign()))
                .retrieve().toEntity(String.class);
        assertThat(byViewer.getStatusCode()).as("closed to those who do not act for the actor")
                .isEqualTo(HttpStatus.FORBIDDEN);

        var renewed = http.put().uri("/api/actors/{a}/needs/{n}", actor, need).contentType(MediaType.APPLICATION_JSON)
                .body(needJson("FUNDING", "38", "DEPARTEMENT", today.plusMonths(3).toString()))
                .retrieve().toEntity(String.class);
        assertThat(renewed.getStatusCode()).as(renewed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson("/api/actors/" + actor + "/needs/" + need).path("status").asText()).isEqualTo("OPEN");
        assertThat(getJson("/api/actors/" + actor + "/needs").findValuesAsText("id")).contains(need);
    }

    /**
     * The revision is for those who may change the profile: a viewer comparing tags would see one move with nothing
     * changed in the profile it reads, and learn that the contact person asked to be forgotten, and when.
     */
    @Test
    void onlyThoseWhoMayChangeTheProfileReadItsRevision() {
        String id = registerActor();
        assertThat(http.get().uri("/api/actors/{id}", id).retrieve().toEntity(String.class).getHeaders().getETag())
                .as("an admin").isEqualTo("\"0\"");
        var byViewer = http.get().uri("/api/actors/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer().sign()))
                .retrieve().toEntity(String.class);
        assertThat(byViewer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byViewer.getHeaders().getETag()).as("a viewer").isNull();
    }

    @Test
    void theContactPersonIsNeverInTheEventStore() {
        String id = registerActor();
        String stored = jdbc.queryForObject(
                "SELECT string_agg(convert_from(payload, 'UTF8'), ' ') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, id);
        assertThat(stored).contains("Wimoov Isère").doesNotContain("camille@example.org").doesNotContain("Camille");
    }

    @Test
    void erasingTheContactRemovesItButKeepsThePublicProfile() {
        String id = registerActor();
        assertThat(http.delete().uri("/api/actors/{id}/contact", id).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode actor = getJson("/api/actors/" + id);
        assertThat(actor.has("contact")).isFalse();
        assertThat(actor.at("/profile/name").asText()).isEqualTo("Wimoov Isère");
    }

    /**
     * The erasure wins over a form left open: a change made from a copy read before it (its ETag in If-Match) is a 412
     * and writes nothing, so the erased person is not written back; the same change from a copy read after it is made.
     */
    @Test
    void aChangeFromACopyReadBeforeTheErasureIs412AndDoesNotBringThePersonBack() throws Exception {
        String id = registerActor();
        ResponseEntity<String> read = http.get().uri("/api/actors/{id}", id).retrieve().toEntity(String.class);
        String copy = read.getHeaders().getETag();
        assertThat(copy).isEqualTo("\"0\"");
        assertThat(json.readTree(read.getBody()).at("/contact/email").asText()).isEqualTo("camille@example.org");
        http.delete().uri("/api/actors/{id}/contact", id).retrieve().toBodilessEntity();
        long before = eventCount();

        String changed = ACTOR_JSON.replace("Plateforme de mobilité", "Plateforme de mobilité solidaire");
        ResponseEntity<String> refused = http.put().uri("/api/actors/{id}", id).header(HttpHeaders.IF_MATCH, copy)
                .contentType(MediaType.APPLICATION_JSON).body(changed).retrieve().toEntity(String.class);

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(412);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("type").asText()).endsWith("/precondition-failed");
        assertThat(problem.path("detail").asText()).isEqualTo("Le profil ou la personne à contacter a changé depuis que "
                + "vous les avez lus (révision 1 à présent) ; rien n'a été enregistré : relisez-les, puis refaites votre "
                + "modification.");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get().uri("/api/actors/{id}/contact", id).retrieve().toBodilessEntity().getStatusCode())
                .as("the erased person stays erased").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(getJson("/api/actors/" + id).at("/profile/description").asText()).isEqualTo("Plateforme de mobilité");

        ResponseEntity<String> again = http.get().uri("/api/actors/{id}", id).retrieve().toEntity(String.class);
        assertThat(again.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(http.put().uri("/api/actors/{id}", id).header(HttpHeaders.IF_MATCH, again.getHeaders().getETag())
                .contentType(MediaType.APPLICATION_JSON).body(changed).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get().uri("/api/actors/{id}", id).retrieve().toEntity(String.class).getHeaders().getETag())
                .isEqualTo("\"2\"");
        assertThat(getJson("/api/actors/" + id).at("/contact/email").asText()).as("entered again, knowingly")
                .isEqualTo("camille@example.org");
    }

    /** Without If-Match the last change wins, as before; a weak tag, or one never given, matches nothing. */
    @Test
    void aChangeWithoutIfMatchIsMadeAndAWeakOrUnknownTagIsRefused() {
        String id = registerActor();
        for (String unknown : new String[]{"W/\"0\"", "\"7\"", "\"abc\""}) {
            assertThat(http.put().uri("/api/actors/{id}", id).header(HttpHeaders.IF_MATCH, unknown)
                    .contentType(MediaType.APPLICATION_JSON).body(ACTOR_JSON).retrieve().toBodilessEntity().getStatusCode()
                    .value()).as(unknown).isEqualTo(412);
        }
        assertThat(http.put().uri("/api/actors/{id}", id).header(HttpHeaders.IF_MATCH, "\"3\", \"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(ACTOR_JSON).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.put().uri("/api/actors/{id}", id).contentType(MediaType.APPLICATION_JSON).body(ACTOR_JSON)
                .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.put().uri("/api/actors/{id}", id).header(HttpHeaders.IF_MATCH, "*")
                .contentType(MediaType.APPLICATION_JSON).body(ACTOR_JSON).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aNeedCanBePostedReadListedUpdatedAndWithdrawn() throws Exception {
        String actor = registerActor();
        var created = post("/api/actors/" + actor + "/needs", needJson("FUNDING", "38", "DEPARTEMENT", null));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String need = json.readTree(created.getBody()).get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/actors/" + actor + "/needs/" + need);

        assertThat(getJson("/api/actors/" + actor + "/needs/" + need).get("status").asText()).isEqualTo("OPEN");
        assertThat(getJson("/api/actors/" + actor + "/needs")).hasSize(1);
        assertThat(getJson("/api/actors/" + actor + "/offers")).isEmpty();

        var updated = http.put().uri("/api/actors/{a}/needs/{n}", actor, need).contentType(MediaType.APPLICATION_JSON)
                .body(needJson("SKILLS", "38185", "COMMUNE", null)).retrieve().toBodilessEntity();
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson("/api/actors/" + actor + "/needs/" + need).at("/details/category").asText()).isEqualTo("SKILLS");

        var withdrawn = http.delete().uri("/api/actors/{a}/needs/{n}?reason=reporté", actor, need).retrieve().toBodilessEntity();
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson("/api/actors/" + actor + "/needs")).isEmpty();
        assertThat(getJson("/api/actors/" + actor + "/needs?includeClosed=true").get(0).get("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    /** The reason in the body, out of the access logs that keep a query string: the same withdrawal, the same rules. */
    @Test
    void anOfferIsWithdrawnWithItsReasonInTheBody() {
        String actor = registerActor();
        String offer = idOf(post("/api/actors/" + actor + "/offers", needJson("SKILLS", "FR", "NATIONAL", null)).getBody());
        var tooLong = http.post().uri("/api/actors/{a}/offers/{o}/withdrawal", actor, offer).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\": \"" + "x".repeat(501) + "\"}").retrieve().toEntity(String.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getJson("/api/actors/" + actor + "/offers").findValuesAsText("id")).as("nothing written").contains(offer);

        var withdrawn = http.post().uri("/api/actors/{a}/offers/{o}/withdrawal", actor, offer).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\": \"projet reporté\"}").retrieve().toBodilessEntity();
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode closed = getJson("/api/actors/" + actor + "/offers/" + offer);
        assertThat(closed.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(closed.path("closingNote").asText()).isEqualTo("projet reporté");
        var again = http.post().uri("/api/actors/{a}/offers/{o}/withdrawal", actor, offer).retrieve().toEntity(String.class);
        assertThat(again.getStatusCode()).as("without a body: the same withdrawal, refused twice").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void withdrawingTwiceIsAConflict() {
        String actor = registerActor();
        String offer = idOf(post("/api/actors/" + actor + "/offers", needJson("SKILLS", "FR", "NATIONAL", null)).getBody());
        http.delete().uri("/api/actors/{a}/offers/{o}", actor, offer).retrieve().toBodilessEntity();

        var second = http.delete().uri("/api/actors/{a}/offers/{o}", actor, offer).retrieve().toEntity(String.class);

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody()).contains("déjà retiré");
    }

    @Test
    void postingForAnUnknownActorIs404AndWritesNothing() {
        long before = eventCount();
        var response = post("/api/actors/no-such-actor/needs", needJson("FUNDING", "38", "DEPARTEMENT", null));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void readingSomeoneElsesNeedIs404() {
        String owner = registerActor();
        String other = registerActor();
        String need = idOf(post("/api/actors/" + owner + "/needs", needJson("FUNDING", "38", "DEPARTEMENT", null)).getBody());

        assertThat(http.get().uri("/api/actors/{a}/needs/{n}", other, need).retrieve().toEntity(String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.delete().uri("/api/actors/{a}/needs/{n}", other, need).retrieve().toEntity(String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown category        | category      | {\"category\": \"MONEY\"}",
            "unknown form            | form          | {\"form\": \"FRIENDSHIP\"}",
            "SDG above 17            | sdgs[0]       | {\"sdgs\": [18]}",
            "SDG zero                | sdgs[0]       | {\"sdgs\": [0]}",
            "empty title             | title         | {\"title\": \"  \"}",
            "invisible title         | title         | {\"title\": \"\\u200b\\u00a0\"}",
            "unknown INSEE code      | territory     | {\"territory\": {\"code\": \"38999\", \"level\": \"COMMUNE\"}}",
            "unknown territory level | territory.level | {\"territory\": {\"code\": \"38\", \"level\": \"CANTON\"}}",
            "validUntil in the past  | validUntil    | {\"validUntil\": \"2020-01-01\"}",
            "unknown theme           | themes[0]     | {\"themes\": [\"GARDENING\"]}",
    })
    void anInvalidNeedIs400NamingTheFieldAndWritesNoEvent(String situation, String field, String override) throws Exception {
        String actor = registerActor();
        long before = eventCount();

        var response = post("/api/actors/" + actor + "/needs", withOverride(needJson("FUNDING", "38", "DEPARTEMENT", null), override));

        assertThat(response.getStatusCode()).as(situation).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Données invalides");
        assertThat(problem.get("errors").findValuesAsText("field")).as(situation).contains(field);
        assertThat(eventCount()).as("no event written for " + situation).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown actor type      | type          | {\"type\": \"CLUB\"}",
            "unknown home commune    | homeTerritory | {\"homeTerritory\": \"99999\"}",
            "empty name              | name          | {\"name\": \"\"}",
            "no-break space as name  | name          | {\"name\": \"\\u00a0\"}",
            "invisible contact       | contact       | {\"contact\": {\"name\": \"\\u200b\\u00a0\", \"email\": null, \"phone\": null}}",
            "SDG above 17            | sdgs[1]       | {\"sdgs\": [3, 42]}",
            "malformed email         | contact.email | {\"contact\": {\"email\": \"not-an-email\"}}",
            "words for a phone       | contact.phone | {\"contact\": {\"phone\": \"appelez-moi le soir\"}}",
            "five digits for a phone | contact.phone | {\"contact\": {\"phone\": \"04 76 0\"}}",
    })
    void anInvalidActorIs400NamingTheFieldAndWritesNoEvent(String situation, String field, String override) throws Exception {
        long before = eventCount();
        var response = post("/api/actors", withOverride(ACTOR_JSON, override));
        assertThat(response.getStatusCode()).as(situation).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(situation).contains(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    /** A phone as people write one is kept as written; a field left blank beside others is none, not spaces. */
    @Test
    void aContactPersonIsKeptWithoutTheSpacesAroundItsValuesAndAPhoneMustBeOne() throws Exception {
        String id = idOf(post("/api/actors", ACTOR_JSON.replace("""
                "contact": {"name": "Camille Martin", "email": "camille@example.org", "phone": "0476000000"}""", """
                "contact": {"name": "   ", "email": " camille@example.org ", "phone": "+33 (0)4 76-00.00/00"}""")).getBody());
        JsonNode contact = getJson("/api/actors/" + id + "/contact");
        assertThat(contact.path("name").isMissingNode() || contact.path("name").isNull()).as(contact.toString()).isTrue();
        assertThat(contact.path("email").asText()).isEqualTo("camille@example.org");
        assertThat(contact.path("phone").asText()).isEqualTo("+33 (0)4 76-00.00/00");

        var refused = post("/api/actors", withOverride(ACTOR_JSON, "{\"contact\": {\"phone\": \"le soir\"}}"));
        assertThat(json.readTree(refused.getBody()).path("errors").get(0).path("message").asText())
                .isEqualTo("un numéro de téléphone s'écrit en chiffres (au moins six), groupés par des espaces, points, "
                        + "tirets ou barres obliques, avec un + au début s'il est international");
    }

    @Test
    void aNeedValidUntilTodayIsAccepted() {
        String actor = registerActor();
        String today = LocalDate.now(LabCalendar.ZONE).toString();
        assertThat(post("/api/actors/" + actor + "/needs", needJson("FUNDING", "38", "DEPARTEMENT", today))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void healthReportsTheDatabaseAndKafkaToAnyone() throws Exception {
        JsonNode health = json.readTree(RestClient.create("http://localhost:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class));
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedInPrometheusFormat() {
        registerActor();
        String metrics = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("# TYPE").contains("application=\"profile-service\"");
    }

    /** Every actor at home in the territory, page after page. */
    private List<JsonNode> allIn(String territory) throws Exception {
        List<JsonNode> actors = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = json.readTree(http.get().uri("/api/actors?territory={t}&limit=1000&offset={o}", territory, offset)
                    .retrieve().body(String.class));
            page.forEach(actors::add);
            if (page.size() < 1000) {
                return actors;
            }
        }
    }

    private String registerActor() {
        return idOf(post("/api/actors", ACTOR_JSON).getBody());
    }

    private org.springframework.http.ResponseEntity<String> post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private JsonNode getJson(String uri) {
        try {
            return json.readTree(http.get().uri(uri).retrieve().body(String.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String idOf(String body) {
        try {
            return json.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    private static String needJson(String category, String territoryCode, String level, String validUntil) {
        return """
                {"category": "%s", "form": "RESOURCES", "title": "Financer une plateforme de mobilité",
                 "description": "Nous cherchons un mécène pour ouvrir une plateforme de mobilité à La Mure.",
                 "themes": ["MOBILITY", "EMPLOYMENT_INSERTION"], "sdgs": [8, 10],
                 "territory": {"code": "%s", "level": "%s"}, "validUntil": %s}
                """.formatted(category, territoryCode, level, validUntil == null ? "null" : "\"" + validUntil + "\"");
    }

    @SuppressWarnings("unchecked")
    private String withOverride(String base, String override) throws Exception {
        Map<String, Object> document = json.readValue(base, Map.class);
        Map<String, Object> changes = json.readValue(override, Map.class);
        changes.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && document.get(key) instanceof Map<?, ?> current) {
                ((Map<String, Object>) current).putAll((Map<String, Object>) nested);
            } else {
                document.put(key, value);
            }
        });
        return json.writeValueAsString(document);
    }
}
