package fr.labos.partenariats.matchmaking.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.testing.ApiOperations;
import fr.labos.partenariats.matchmaking.session.command.SessionRules;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client generating code from matchmaking-service's OpenAPI document is promised, operation by operation: the
 * success statuses and media types the server really answers, the bounds it really enforces, and operation ids that do
 * not depend on the order in which the controllers are scanned.
 */
class MatchmakingOpenApiContractTest {

    private static InMemoryMongo mongo;
    private static RunningMatchmaking service;
    private static JsonNode document;
    private static JsonNode paths;

    @BeforeAll
    static void readDocument() {
        String topic = SharedKafka.newTopic("it.openapi-contract.profile.events");
        mongo = InMemoryMongo.start();
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-openapi-contract");
        document = RunningMatchmaking.parse(service.get("/v3/api-docs").body());
        paths = document.path("paths");
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
        if (mongo != null) mongo.close();
    }

    @Test
    void theParticipantsImportAndTheScheduleGenerationAnswer200WithTheirReportWithoutLocation() {
        for (String path : List.of("/api/sessions/{sessionId}/participants/import",
                "/api/sessions/{sessionId}/schedule/generate")) {
            JsonNode responses = paths.path(path).path("post").path("responses");
            assertThat(responses.fieldNames()).toIterable().as(path).contains("200").doesNotContain("201");
            assertThat(responses.path("200").path("headers").has("Location")).as(path).isFalse();
            assertThat(responses.path("200").path("content").findValuesAsText("$ref")).as(path).isNotEmpty();
        }
        // Planning a session does create one, at the address in Location.
        assertThat(paths.at("/~1api~1sessions/post/responses/201/headers").has("Location")).isTrue();
    }

    /**
     * A participant's member reads the schedule without the why of the meetings that do not rest on its own actor's
     * wishes: the operation says so, and so do those three fields, null then.
     */
    @Test
    void theScheduleSaysWhatAParticipantsMemberIsNotTold() {
        assertThat(paths.at("/~1api~1sessions~1{sessionId}~1schedule/get/description").asText())
                .contains("membres d'un participant").contains("souhait");
        JsonNode table = null;
        for (JsonNode schema : document.path("components").path("schemas")) {
            if (schema.path("properties").has("partner") && schema.path("properties").has("held")) table = schema;
        }
        assertThat(table).as("the schedule's table schema").isNotNull();
        for (String field : List.of("weight", "reason", "explanation")) {
            assertThat(table.path("properties").path(field).path("description").asText())
                    .as(field + ": " + table.path("properties").path(field)).startsWith("Nul pour un membre");
        }
    }

    /**
     * A member's sessions give what it needs to wish for its actors: whether wishes may still change, the others'
     * names, its own actors' wishes and whom the engine finds complementary to them, each in a schema of its own (not one shared by name with another
     * {@code Participant}, whose fields a generated client would then expect).
     */
    @Test
    void theMembersSessionsDeclareWhatItNeedsToWish() {
        JsonNode session = schemaOf(paths.at("/~1api~1me~1sessions/get/responses/200/content")
                .findValue("schema").path("items"));
        assertThat(session.path("properties").fieldNames()).toIterable()
                .contains("wishesOpen", "actors", "otherParticipants");
        assertThat(session.at("/properties/wishesOpen/description").asText()).contains("publié");
        JsonNode own = schemaOf(session.at("/properties/actors/items"));
        assertThat(own.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("actorId", "name", "wishedActorIds", "complementary");
        assertThat(own.at("/properties/wishedActorIds/items/type").asText()).isEqualTo("string");
        // Whom the engine finds complementary, while wishes are open: the score and the sentence, nothing of a wish.
        assertThat(own.at("/properties/complementary/description").asText()).contains("souhaits peuvent être exprimés");
        JsonNode complementary = schemaOf(own.at("/properties/complementary/items"));
        assertThat(complementary.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("actorId", "score", "sentence");
        JsonNode other = schemaOf(session.at("/properties/otherParticipants/items"));
        assertThat(other.path("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("actorId", "name");
    }

    /** The schema a {@code $ref} names in the document's components. */
    private static JsonNode schemaOf(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        assertThat(ref).as(reference.toString()).startsWith("#/components/schemas/");
        return document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void theSessionExportsDeclareTheMediaTypesTheyAnswer() {
        JsonNode csv = paths.at("/~1api~1sessions~1{sessionId}~1schedule.csv/get/responses/200/content");
        assertThat(csv.fieldNames()).toIterable().containsExactly("text/csv");
        assertThat(csv.at("/text~1csv/schema/type").asText()).isEqualTo("string");
        assertThat(csv.at("/text~1csv/schema/format").asText()).isEqualTo("binary");
        JsonNode ics = paths.at("/~1api~1sessions~1{sessionId}~1participants~1{actorId}~1calendar.ics/get/responses/200/content");
        assertThat(ics.fieldNames()).toIterable().containsExactly("text/calendar");
        assertThat(ics.at("/text~1calendar/schema/type").asText()).isEqualTo("string");
        assertThat(ics.at("/text~1calendar/schema/format").asText()).isEqualTo("binary");
        JsonNode html = paths.at("/~1api~1sessions~1{sessionId}~1print/get/responses/200/content");
        assertThat(html.fieldNames()).toIterable().containsExactly("text/html");
        assertThat(html.at("/text~1html/schema/type").asText()).isEqualTo("string");
        assertThat(html.at("/text~1html/schema/format").asText()).isNotEqualTo("byte");
    }

    @Test
    void everyOperationWithABodyDeclaresTheRefusalOfAnotherContentType() {
        List<String> withBody = new ArrayList<>();
        ApiOperations.forEach(paths, (name, operation) -> {
            if (operation.has("requestBody")) {
                withBody.add(name);
                assertThat(operation.path("responses").fieldNames()).toIterable().as(name).contains("413", "415");
            } else {
                assertThat(operation.path("responses").has("415")).as(name).isFalse();
            }
        });
        assertThat(withBody).contains("POST /api/sessions", "POST /api/introductions",
                "POST /api/sessions/{sessionId}/participants/import");
    }

    @Test
    void operationIdsAreUniqueAndCarryNoScanOrderSuffix() {
        List<String> ids = new ArrayList<>();
        ApiOperations.forEach(paths, (name, operation) -> ids.add(operation.path("operationId").asText()));
        Set<String> seen = new HashSet<>();
        assertThat(ids).filteredOn(id -> !seen.add(id)).as("repeated operationIds").isEmpty();
        assertThat(ids).filteredOn(id -> id.isEmpty() || id.matches(".*_\\d+$")).as("operationIds in " + ids).isEmpty();
        assertThat(paths.at("/~1api~1introductions/post/operationId").asText()).isEqualTo("proposeIntroduction");
        assertThat(paths.at("/~1api~1introductions~1{introductionId}~1withdraw/post/operationId").asText())
                .isEqualTo("withdrawIntroduction");
        assertThat(paths.at("/~1api~1sessions~1{sessionId}~1participants~1{actorId}/delete/operationId").asText())
                .isEqualTo("withdrawParticipant");
        JsonNode withdrawWish = paths.at("/~1api~1sessions~1{sessionId}~1wishes~1{actorId}~1{wishedActorId}/delete");
        assertThat(withdrawWish.path("operationId").asText()).isEqualTo("withdrawMeetingWish");
        // Taken back (204), not for this caller (403), a wish never made or the plan published (409): problems.
        assertThat(withdrawWish.path("responses").fieldNames()).toIterable().contains("204", "403", "404", "409");
        assertThat(withdrawWish.at("/responses/409/content").fieldNames()).toIterable()
                .contains("application/problem+json");
    }

    @Test
    void planningASessionRequiresItsNumbersWithinTheSessionsBounds() {
        String ref = paths.at("/~1api~1sessions/post/requestBody/content/application~1json/schema/$ref").asText();
        JsonNode plan = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        List<String> required = new ArrayList<>();
        plan.path("required").forEach(name -> required.add(name.asText()));
        assertThat(required).contains("rounds", "minutesPerRound", "tables", "title", "territory", "date", "startsAt");
        assertBounds(plan.at("/properties/rounds"), SessionRules.MAX_ROUNDS);
        assertBounds(plan.at("/properties/minutesPerRound"), SessionRules.MAX_MINUTES_PER_ROUND);
        assertBounds(plan.at("/properties/tables"), SessionRules.MAX_TABLES);
    }

    @Test
    void theDashboardsDeclareTheirJsonAndCsvAnswersAndTheValuesTheirParametersTake() {
        List<String> dashboards = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/dashboard/")) return;
            dashboards.add(path.getKey());
            JsonNode operation = path.getValue().path("get");
            JsonNode content = operation.at("/responses/200/content");
            assertThat(content.fieldNames()).toIterable().as(path.getKey()).containsExactlyInAnyOrder("application/json", "text/csv");
            String view = path.getKey().endsWith("/funnel") ? "Funnel" : path.getKey().endsWith("/delays") ? "Delays" : "Breakdown";
            assertThat(content.at("/application~1json/schema/$ref").asText()).as(path.getKey()).endsWith("/" + view);
            assertThat(content.at("/text~1csv/schema/type").asText()).as(path.getKey()).isEqualTo("string");
            assertThat(operation.at("/responses/200/headers/Content-Disposition").isMissingNode()).as(path.getKey()).isFalse();
            assertThat(values(operation, "format")).as(path.getKey()).containsExactly("json", "csv");
        });
        assertThat(dashboards).hasSize(7);
        assertThat(values(paths.at("/~1api~1dashboard~1territories/get"), "level")).containsExactly("departement", "region");
        assertThat(values(paths.at("/~1api~1dashboard~1periods/get"), "granularity")).containsExactly("week", "month");
        assertThat(document.at("/components/schemas/Funnel/properties/steps").isMissingNode()).isFalse();
    }

    /**
     * The meetings of an inbox line and of a timeline, one schema, say who did not come to a missed one: what a client
     * shows of a meeting without reading the steps.
     */
    @Test
    void theMeetingsOfTheInboxAndOfTheTimelineNameTheAbsentSide() {
        JsonNode inbox = schemaOf(paths.at("/~1api~1actors~1{actorId}~1introductions/get/responses/200/content")
                .findValue("schema"));
        JsonNode meeting = schemaOf(schemaOf(inbox.at("/properties/introductions/items")).at("/properties/meetings/items"));
        assertThat(meeting.path("properties").fieldNames()).toIterable().contains("meetingId", "status", "absentActorId");
        JsonNode timeline = schemaOf(paths.at("/~1api~1introductions~1{introductionId}/get/responses/200/content")
                .findValue("schema"));
        assertThat(schemaOf(timeline.at("/properties/meetings/items"))).isEqualTo(meeting);
    }

    @Test
    void theLiveEndpointDeclaresItsStreamAndItsJsonList() {
        JsonNode operation = paths.at("/~1api~1live/get");
        assertThat(operation.path("operationId").asText()).isEqualTo("liveEvents");
        JsonNode content = operation.at("/responses/200/content");
        assertThat(content.fieldNames()).toIterable().containsExactlyInAnyOrder("text/event-stream", "application/json");
        assertThat(content.at("/text~1event-stream/schema/type").asText()).isEqualTo("string");
        assertThat(content.at("/application~1json/schema/type").asText()).isEqualTo("array");
        assertThat(content.at("/application~1json/schema/items/$ref").asText()).endsWith("/LiveNotification");
    }

    private static List<String> values(JsonNode operation, String parameter) {
        List<String> values = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if (p.path("name").asText().equals(parameter)) p.at("/schema/enum").forEach(v -> values.add(v.asText()));
        });
        return values;
    }

    private static void assertBounds(JsonNode property, int maximum) {
        assertThat(property.path("type").asText()).as(property.toString()).isEqualTo("integer");
        assertThat(property.path("minimum").asInt(-1)).as(property.toString()).isEqualTo(1);
        assertThat(property.path("maximum").asInt(-1)).as(property.toString()).isEqualTo(maximum);
    }

}
