package fr.labos.partenariats.profile.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are counted per signed-in principal (the token's subject): past its allowance a member gets a 429 problem
 * with {@code Retry-After} and nothing is written, while another member of the same actor, from the same address,
 * still has its own allowance.
 */
@ProfileServiceIntegrationTest
@TestPropertySource(properties = {
        "lab.limits.rate.enabled=true",
        "lab.limits.rate.families.writes.methods=POST,PUT,DELETE",
        "lab.limits.rate.families.writes.paths=/api/**",
        "lab.limits.rate.families.writes.per-principal.capacity=3",
        "lab.limits.rate.families.writes.per-principal.period=1h",
        "lab.limits.rate.families.writes.per-address.capacity=1000",
        "lab.limits.rate.families.writes.per-address.period=1h"})
class RateLimitsTest {

    private static final String ACTOR = """
            {"name": "Wimoov Isère", "type": "ASSOCIATION", "homeTerritory": "38185"}""";
    private static final String NEED = """
            {"category": "FUNDING", "form": "RESOURCES", "title": "Financer une plateforme de mobilité",
             "territory": {"code": "38", "level": "DEPARTEMENT"}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPrincipalPastItsAllowanceGets429WithRetryAfterAndWritesNothing() throws Exception {
        HttpResponse<String> registered = post(TestTokens.bearer(TestTokens.admin().sign()), "/api/actors", ACTOR);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String actor = json.readTree(registered.body()).get("id").asText();
        String alice = TestTokens.bearer(TestTokens.member(actor).subject("alice").sign());
        String bob = TestTokens.bearer(TestTokens.member(actor).subject("bob").sign());

        for (int i = 0; i < 3; i++) {
            assertThat(post(alice, "/api/actors/" + actor + "/needs", NEED).statusCode()).isEqualTo(201);
        }
        long before = events();
        HttpResponse<String> refused = post(alice, "/api/actors/" + actor + "/needs", NEED);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(json.readTree(refused.body()).get("type").asText())
                .isEqualTo("https://labos-partenariats.fr/problems/too-many-requests");
        assertThat(events()).isEqualTo(before);
        // A fresh token of the same subject changes nothing: the allowance is the subject's.
        String aliceAgain = TestTokens.bearer(TestTokens.member(actor).subject("alice").sign());
        assertThat(post(aliceAgain, "/api/actors/" + actor + "/needs", NEED).statusCode()).isEqualTo(429);
        assertThat(events()).isEqualTo(before);

        assertThat(post(bob, "/api/actors/" + actor + "/needs", NEED).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> post(String authorization, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }
}
