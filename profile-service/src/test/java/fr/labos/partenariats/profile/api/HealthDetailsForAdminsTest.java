package fr.labos.partenariats.profile.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health as production shows it ({@code HEALTH_SHOW_DETAILS=when-authorized}): the status to anyone (load balancers,
 * probes), which dependency is down — and the Kafka cluster's and databases' names — to admins only.
 */
@ProfileServiceIntegrationTest
@TestPropertySource(properties = "management.endpoint.health.show-details=when-authorized")
class HealthDetailsForAdminsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsTheStatusAndOnlyAnAdminTheDependencies() throws Exception {
        JsonNode anonymous = health(null);
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("no dependency named to anonymous callers").isFalse();

        JsonNode member = health(TestTokens.member("any-actor").sign());
        assertThat(member.has("components")).as("nor to a member").isFalse();

        JsonNode admin = health(TestTokens.admin().sign());
        assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(admin.at("/components/kafka/status").asText()).isEqualTo("UP");
    }

    private JsonNode health(String token) throws Exception {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://localhost:" + port).get().uri("/actuator/health");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return JSON.readTree(request.retrieve().body(String.class));
    }
}
