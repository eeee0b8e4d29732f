package fr.labos.partenariats.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.app.SecuredTestApplication;
import fr.labos.partenariats.platform.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's sign-in on a minimal service, over real HTTP with real signed tokens: what is accepted, what is
 * refused and how (401/403 problem documents, WWW-Authenticate), CORS and security headers.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lab.cors.allowed-origins=https://lab.example.fr, https://other.example.fr",
                "management.endpoints.web.exposure.include=health,metrics",
                // No broker in this test: the Kafka health check would make health 503; sign-in is what is tested.
                "management.health.kafka.enabled=false"})
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class SignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aValidTokenYieldsThePrincipalWithItsRoleTerritoriesAndActors() throws Exception {
        TestTokens.Token token = TestTokens.facilitator("DEPARTEMENT:38", "REGION:84", "38", "DEPARTEMENT:999");
        ResponseEntity<String> response = get("/api/whoami", token.sign());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode me = JSON.readTree(response.getBody());
        assertThat(me.get("subject").asText()).isEqualTo(token.subject());
        assertThat(me.get("role").asText()).isEqualTo("FACILITATOR");
        // "38" has no level and 999 is no département: both grant nothing.
        assertThat(me.get("territories").toString()).isEqualTo("[\"DEPARTEMENT:38\",\"REGION:84\"]");

        JsonNode member = JSON.readTree(get("/api/whoami", TestTokens.member("a-1", "a-2").sign()).getBody());
        assertThat(member.get("actors").toString()).isEqualTo("[\"a-1\",\"a-2\"]");
    }

    @Test
    void withoutATokenTheApiAnswers401AsAProblemWithWwwAuthenticate() throws Exception {
        ResponseEntity<String> response = get("/api/whoami", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).contains("jeton d'accès");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/whoami");
    }

    @Test
    void anExpiredTokenIs401ButOneWithinTheClockSkewIsAccepted() {
        assertInvalid(TestTokens.admin().expired(Duration.ofSeconds(45)).sign());
        assertThat(get("/api/whoami", TestTokens.admin().expired(Duration.ofSeconds(10)).sign()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenNotYetValidBeyondTheSkewIs401() {
        assertInvalid(TestTokens.admin().valid(Instant.now().plusSeconds(120), Duration.ofMinutes(5)).sign());
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertInvalid(TestTokens.admin().issuer("https://evil.example.org").sign());
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertInvalid(TestTokens.admin().audience("another-service").sign());
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertInvalid(TestTokens.admin().signedByAnotherKey().sign());
    }

    @Test
    void aTamperedTokenIs401() {
        assertInvalid(TestTokens.viewer().signTampered());
    }

    @Test
    void garbageIs401() {
        assertInvalid("not.a.jwt");
    }

    @Test
    void aSignedInUserWithoutALabRoleIs403Everywhere() throws Exception {
        for (String role : new String[]{null, "SUPERUSER"}) {
            ResponseEntity<String> response = get("/api/whoami", TestTokens.viewer().role(role).sign());
            assertThat(response.getStatusCode()).as("role %s", role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(JSON.readTree(response.getBody()).get("title").asText()).isEqualTo("Accès refusé");
        }
    }

    @Test
    void aRefusalRaisedByTheServiceIsA403ProblemWithItsFrenchReason() throws Exception {
        ResponseEntity<String> response = get("/api/refused", TestTokens.admin().sign());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody()).get("detail").asText()).isEqualTo("Vous n'agissez pas pour cet acteur.");
    }

    @Test
    void healthIsPublicOtherActuatorEndpointsAreForAdmins() {
        assertThat(get("/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/actuator/metrics", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/actuator/metrics", TestTokens.viewer().sign()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/actuator/metrics", TestTokens.admin().sign()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        HttpHeaders headers = get("/api/whoami", TestTokens.viewer().sign()).getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getCacheControl()).contains("no-store");
        // And so do refusals.
        assertThat(get("/api/whoami", null).getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void corsIsOpenToTheConfiguredOriginsOnly() {
        ResponseEntity<String> allowed = preflight("https://lab.example.fr");
        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://lab.example.fr");
        assertThat(allowed.getHeaders().getAccessControlAllowHeaders()).contains("Authorization");

        ResponseEntity<String> refused = preflight("https://evil.example.org");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getAccessControlAllowOrigin()).isNull();

        ResponseEntity<String> simple = http().get().uri("/api/whoami")
                .header(HttpHeaders.ORIGIN, "https://other.example.fr")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.viewer().sign()))
                .retrieve().toEntity(String.class);
        assertThat(simple.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://other.example.fr");
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedByTheFirewallAsA400Problem() throws Exception {
        String authorization = "Authorization: " + TestTokens.bearer(TestTokens.admin().sign());

        // Spring Security's firewall checks a header when it is read, as the Authorization header always is.
        // U+0085 (NEL, byte 0x85 on the wire) is a control character, which Tomcat lets through.
        RawHttp.Answer signedIn = RawHttp.get(port, "/api/whoami", authorization);
        RawHttp.Answer control = RawHttp.get(port, "/api/whoami", authorization + "\u0085");

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JSON.readTree(control.body()).get("status").asInt()).isEqualTo(400);
    }

    private ResponseEntity<String> preflight(String origin) {
        return http().options().uri("/api/whoami")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
                .retrieve().toEntity(String.class);
    }

    private void assertInvalid(String token) {
        ResponseEntity<String> response = get("/api/whoami", token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer error=\"invalid_token\"");
        assertThat(response.getBody()).contains("Le jeton d'accès est refusé");
    }

    private ResponseEntity<String> get(String path, String token) {
        RestClient.RequestHeadersSpec<?> request = http().get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return request.retrieve().toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .build();
    }
}
