package fr.labos.partenariats.profile.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/territories} over real HTTP with real tokens: a commune found by its name as typed, with its
 * département and the label the console writes; any signed-in role may search, nobody without a token; a query
 * without words or a limit out of bounds is a problem document.
 */
@ProfileServiceIntegrationTest
class TerritorySearchIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aSignedInCallerFindsACommuneByItsNameWithItsDepartement() throws IOException {
        for (String token : new String[]{TestTokens.member().sign(), TestTokens.viewer().sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign()}) {
            ResponseEntity<String> answer = get(token, "/api/territories?q=echirol&level=COMMUNE");
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
            JsonNode first = JSON.readTree(answer.getBody()).get(0);
            assertThat(first.path("level").asText()).isEqualTo("COMMUNE");
            assertThat(first.path("code").asText()).isEqualTo("38151");
            assertThat(first.path("name").asText()).isEqualTo("Échirolles");
            assertThat(first.path("departement").path("code").asText()).isEqualTo("38");
            assertThat(first.path("departement").path("name").asText()).isEqualTo("Isère");
            assertThat(first.path("label").asText()).isEqualTo("Échirolles (38)");
        }
        JsonNode isere = JSON.readTree(get(TestTokens.member().sign(), "/api/territories?q=38&level=DEPARTEMENT").getBody());
        assertThat(isere).hasSize(1);
        assertThat(isere.get(0).path("label").asText()).isEqualTo("Isère (38)");
        assertThat(isere.get(0).has("departement")).as("no département above that level: " + isere).isFalse();
        assertThat(JSON.readTree(get(TestTokens.member().sign(), "/api/territories?q=saint&limit=3").getBody())).hasSize(3);
    }

    @Test
    void withoutATokenOrWithoutWordsItIsRefused() {
        assertThat(get(null, "/api/territories?q=grenoble").getStatusCode().value()).isEqualTo(401);
        String member = TestTokens.member().sign();
        for (String refused : new String[]{"/api/territories", "/api/territories?q=+", "/api/territories?q=grenoble&limit=0",
                "/api/territories?q=grenoble&limit=51", "/api/territories?q=grenoble&level=CANTON",
                "/api/territories?q=" + "a".repeat(101)}) {
            ResponseEntity<String> answer = get(member, refused);
            assertThat(answer.getStatusCode().value()).as(refused + ": " + answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(refused).hasToString("application/problem+json");
        }
    }

    private ResponseEntity<String> get(String token, String uri) {
        RestClient.RequestHeadersSpec<?> request = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> {
                }).build().get().uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return request.retrieve().toEntity(String.class);
    }
}
