package fr.labos.partenariats.profile.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.access.MemberNames;
import fr.labos.partenariats.profile.actor.query.ActorProjection;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

/**
 * A read that PostgreSQL cannot serve for a moment (a statement or lock timeout, the store unreachable as Spring's
 * data access reports it) is a 503 « réessayez » with Retry-After, as in every service of the platform; a fault that
 * asking again will not mend (a duplicate key) stays a 500. Before, profile-service answered 500 to all of them. And
 * « réessayez » is never said of a command that was done.
 */
@ProfileServiceIntegrationTest
class StoreUnavailableIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAVAILABLE = "Les données ne sont pas accessibles pour le moment ; réessayez sous peu.";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    ActorProjection actors;

    @MockitoSpyBean
    MemberNames memberNames;

    @AfterEach
    void readAsUsual() {
        Mockito.reset(actors, memberNames);
    }

    @Test
    void aReadThatTimesOutIsA503ToRetryInFrench() throws Exception {
        doThrow(new QueryTimeoutException("PreparedStatementCallback; SQL [SELECT document FROM actor_view ORDER BY "
                + "registered_at, actor_id OFFSET ? LIMIT ?]; ERROR: canceling statement due to statement timeout",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")))
                .when(actors).list(anyInt(), anyInt());

        ResponseEntity<String> answer = get("/api/actors");

        JsonNode problem = unavailable(answer);
        assertThat(problem.path("detail").asText()).isEqualTo(UNAVAILABLE);
        assertThat(answer.getBody()).doesNotContain("actor_view").doesNotContain("SQL").doesNotContain("Exception");
    }

    @Test
    void aLockNotObtainedOrTheStoreUnreachableIsA503ToRetry() throws Exception {
        doThrow(new CannotAcquireLockException("PreparedStatementCallback; ERROR: canceling statement due to lock "
                + "timeout", new SQLException("ERROR: canceling statement due to lock timeout", "55P03")))
                .when(actors).find(anyString());
        assertThat(unavailable(get("/api/actors/any")).path("detail").asText()).isEqualTo(UNAVAILABLE);

        doThrow(new DataAccessResourceFailureException("Unable to reach the store"))
                .when(actors).find(anyString());
        assertThat(unavailable(get("/api/actors/any", "en")).path("detail").asText())
                .isEqualTo("The data cannot be reached right now; try again shortly.");
    }

    @Test
    void aDuplicateKeyIsNotA503() throws Exception {
        doThrow(new DuplicateKeyException("PreparedStatementCallback; ERROR: duplicate key value violates unique "
                + "constraint \"actor_view_pkey\"", new SQLException("ERROR: duplicate key value", "23505")))
                .when(actors).find(anyString());

        ResponseEntity<String> answer = get("/api/actors/any");

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(JSON.readTree(answer.getBody()).path("title").asText()).isEqualTo("Erreur interne");
    }

    /**
     * The member's name is written after the registration's command, outside its transaction: a failure there is not a
     * 503 « réessayez » for an organisation registered already, which trying again would register a second time.
     */
    @Test
    void aRegistrationDoneIsACreatedEvenWhenTheMembersNameCannotBeKept() throws Exception {
        doThrow(new QueryTimeoutException("PreparedStatementCallback; ERROR: canceling statement due to statement timeout",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")))
                .when(memberNames).rememberSignedIn(any());

        ResponseEntity<String> answer = RestClient.create().post().uri("http://localhost:" + port + "/api/actors")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.member().personalName("Amélie Roux").sign()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "Tiers-lieu du Trièves", "type": "ASSOCIATION", "homeTerritory": "38185"}""")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        String actorId = JSON.readTree(answer.getBody()).path("id").asText();
        assertThat(actors.find(actorId)).as("the organisation registered once").isPresent();
        Mockito.verify(memberNames).rememberSignedIn(any());
    }

    private ResponseEntity<String> get(String uri) {
        return get(uri, "fr");
    }

    private ResponseEntity<String> get(String uri, String language) {
        return RestClient.create().get().uri("http://localhost:" + port + uri)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.admin().sign()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders())
                        .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static JsonNode unavailable(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("type").asText()).endsWith("/service-unavailable");
        return problem;
    }
}
