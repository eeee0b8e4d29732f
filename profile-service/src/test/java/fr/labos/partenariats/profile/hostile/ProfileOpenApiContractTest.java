package fr.labos.partenariats.profile.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.testing.ApiOperations;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.testing.OpenApiFuzz;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client generating code from profile-service's OpenAPI document is promised, operation by operation: the
 * statuses the server really answers, the headers it really sends, and operation ids that do not depend on the order
 * in which the controllers are scanned.
 */
@ProfileServiceIntegrationTest
class ProfileOpenApiContractTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private JsonNode paths;

    @BeforeEach
    void readDocument() throws Exception {
        OpenApiFuzz fuzz = new OpenApiFuzz("http://localhost:" + port, request -> request);
        paths = json.readTree(fuzz.send("GET", "/v3/api-docs", null).answer()).path("paths");
    }

    @Test
    void theActorsImportDeclaresTheConflictOfAnotherImportWithItsRetryAfter() {
        JsonNode responses = paths.at("/~1api~1actors~1import/post/responses");
        assertThat(responses.fieldNames()).toIterable().contains("409", "415", "503");
        assertThat(responses.at("/409/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        assertThat(responses.at("/503/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        // Only the import says when to come back after a 409: a post's conflict does not pass with time.
        assertThat(paths.at("/~1api~1actors~1{actorId}~1{kind}~1{postId}/delete/responses/409/headers").isMissingNode())
                .isTrue();
    }

    @Test
    void everyApiOperationMayAnswer503WithRetryAfterWhenItsDatabaseIsAway() {
        ApiOperations.forEach(paths, (name, operation) -> {
            assertThat(operation.path("responses").has("503")).as(name).isTrue();
            assertThat(operation.at("/responses/503/headers/Retry-After/schema/type").asText()).as(name)
                    .isEqualTo("integer");
        });
    }

    @Test
    void everyOperationWithABodyDeclaresTheRefusalOfAnotherContentType() {
        List<String> withBody = new ArrayList<>();
        ApiOperations.forEach(paths, (name, operation) -> {
            if (operation.has("requestBody")) {
                withBody.add(name);
                assertThat(operation.path("responses").fieldNames()).toIterable().as(name).contains("413", "415");
            } else if (!name.equals("POST /api/actors/import")) {
                assertThat(operation.path("responses").has("415")).as(name).isFalse();
            }
        });
        assertThat(withBody).contains("POST /api/actors", "PUT /api/actors/{actorId}", "POST /api/me/actors");
    }

    @Test
    void operationIdsAreUniqueAndCarryNoScanOrderSuffix() {
        List<String> ids = new ArrayList<>();
        ApiOperations.forEach(paths, (name, operation) -> ids.add(operation.path("operationId").asText()));
        Set<String> seen = new HashSet<>();
        assertThat(ids).filteredOn(id -> !seen.add(id)).as("repeated operationIds").isEmpty();
        assertThat(ids).filteredOn(id -> id.isEmpty() || id.matches(".*_\\d+$")).as("operationIds in " + ids).isEmpty();
        assertThat(operationId("post", "/api/actors")).isEqualTo("registerActor");
        assertThat(operationId("post", "/api/actors/{actorId}/{kind}")).isEqualTo("registerPost");
        assertThat(operationId("get", "/api/actors")).isEqualTo("listActors");
        assertThat(operationId("get", "/api/actors/{actorId}/{kind}")).isEqualTo("listPosts");
        assertThat(operationId("get", "/api/actors/{actorId}/invitations")).isEqualTo("listInvitations");
    }

    @Test
    void anInvitationIsCreatedWithoutLocation() {
        JsonNode created = paths.at("/~1api~1actors~1{actorId}~1invitations/post/responses/201");
        assertThat(created.isMissingNode()).isFalse();
        assertThat(created.path("headers").has("Location")).isFalse();
        assertThat(created.at("/content/*~1*/schema/$ref").asText()
                + created.at("/content/application~1json/schema/$ref").asText()).endsWith("NewInvitation");
        assertThat(paths.at("/~1api~1actors~1{actorId}~1invitations/post/responses").has("200")).isFalse();
        // Whatever else is created has an address to read it at.
        assertThat(paths.at("/~1api~1actors/post/responses/201/headers").has("Location")).isTrue();
    }

    @Test
    void anActorsUpdateAndTheRemovalOfItsContactDeclareConcurrentChanges() {
        assertThat(paths.at("/~1api~1actors~1{actorId}/put/responses").fieldNames()).toIterable().contains("204", "409");
        assertThat(paths.at("/~1api~1actors~1{actorId}~1contact/delete/responses").fieldNames()).toIterable()
                .contains("204", "409");
    }

    @Test
    void theActorsExportDeclaresItIsAnAttachment() {
        JsonNode ok = paths.at("/~1api~1actors~1{actorId}~1export/get/responses/200");
        assertThat(ok.at("/headers/Content-Disposition/schema/type").asText()).isEqualTo("string");
        assertThat(ok.at("/content/application~1json/schema/$ref").asText()).endsWith("/Export");
    }

    private String operationId(String method, String path) {
        return paths.path(path).path(method).path("operationId").asText();
    }
}
