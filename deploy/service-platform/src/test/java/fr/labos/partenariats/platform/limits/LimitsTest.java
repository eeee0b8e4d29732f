package fr.labos.partenariats.platform.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.problem.ProblemTestApplication;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body size and rate limits answer 413 and 429 problems before the controller runs: what they refuse is never
 * written. The principal comes from a header here (a stand-in for the security filters, which set it in the services).
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "lab.limits.max-body-size=4KB",
                "lab.limits.max-import-size=16KB",
                "lab.limits.rate.families.writes.methods=POST",
                "lab.limits.rate.families.writes.paths=/api/notes",
                "lab.limits.rate.families.writes.per-principal.capacity=3",
                "lab.limits.rate.families.writes.per-principal.period=1h",
                "lab.limits.rate.families.writes.per-address.capacity=5",
                "lab.limits.rate.families.writes.per-address.period=1h",
                "lab.limits.rate.families.pages.methods=GET",
                "lab.limits.rate.families.pages.paths=/api/page",
                "lab.limits.rate.families.pages.per-principal.capacity=2",
                "lab.limits.rate.families.pages.per-principal.period=1h",
        })
@Import(LimitsTest.HeaderPrincipal.class)
class LimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void eachPrincipalAndEachAddressHasItsAllowanceThen429WithRetryAfterAndNothingWritten() throws Exception {
        int before = ProblemTestApplication.WRITES.get();
        for (int i = 0; i < 3; i++) {
            assertThat(post("alice", "{\"title\": \"note\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = post("alice", "{\"title\": \"note\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://labos-partenariats.fr/problems/too-many-requests");
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(before + 3);

        // Another principal has its own allowance, but the address (shared by both) runs out after 5 in all.
        assertThat(post("bob", "{\"title\": \"note\"}").statusCode()).isEqualTo(201);
        assertThat(post("bob", "{\"title\": \"note\"}").statusCode()).isEqualTo(201);
        assertThat(post("bob", "{\"title\": \"note\"}").statusCode()).isEqualTo(429);
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(before + 5);
        // Routes of no family are not counted.
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/echo?reason=x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPathSpelledWithPercentEscapesCountsInTheFamilyOfThePathItReaches() throws Exception {
        assertThat(get("dora", "/api/page").statusCode()).isEqualTo(200);
        HttpResponse<String> escaped = get("dora", "/api/%70age");
        assertThat(escaped.statusCode()).as("the controller of /api/page answers it").isEqualTo(200);
        assertThat(escaped.body()).isEqualTo("1");
        assertThat(get("dora", "/api/page").statusCode()).as("the escaped spelling was counted").isEqualTo(429);
        assertThat(get("dora", "/api/p%61ge").statusCode()).isEqualTo(429);
    }

    @Test
    void theDefaultExportsFamilyNamesHeadRequestsToo() {
        LimitsProperties.Family exports = LimitsProperties.DEFAULTS.get("exports");
        assertThat(exports.methods()).contains("GET", "HEAD");
        assertThat(exports.paths()).as("the follow-up list's spreadsheet is an export, not a page")
                .contains("/api/actors/*/export", "/api/introductions.csv");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"title\": \"note\", \"tags\": [\"" + "x".repeat(5000) + "\"]}";
        // /api/drafts: same controller as /api/notes, outside the rate-limited family.
        int before = ProblemTestApplication.WRITES.get();

        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/api/drafts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        // No length declared: the body is sent chunked and counted while it is read.
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/drafts"))
                .header("Content-Type", "application/json")
                .POST(unknownLength(big)).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : java.util.List.of(declared, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("type").asText())
                    .isEqualTo("https://labos-partenariats.fr/problems/payload-too-large");
        }
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(before);
    }

    @Test
    void aCsvImportHasALargerLimitOfItsOwn() throws Exception {
        String line = "Association du quartier;ASSOCIATION;38185;Accompagnement des jeunes vers l'emploi\n";
        String tenKilobytes = line.repeat(10 * 1024 / line.length());
        String twentyKilobytes = tenKilobytes + tenKilobytes;
        int before = ProblemTestApplication.WRITES.get();

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(tenKilobytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as("10 KB of CSV, over the 4 KB of other bodies").isEqualTo(201);
        assertThat(accepted.body()).isEqualTo(Long.toString(tenKilobytes.lines().count()));
        // The same file sent as text/plain, which the imports of a spreadsheet take too, has the same limit.
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(tenKilobytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);

        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(twentyKilobytes)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "text/csv")
                .POST(unknownLength(twentyKilobytes)).build(), HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : java.util.List.of(declared, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("type").asText())
                    .isEqualTo("https://labos-partenariats.fr/problems/payload-too-large");
        }
        assertThat(ProblemTestApplication.WRITES.get()).isEqualTo(before + 2);
    }

    private HttpResponse<String> post(String principal, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/notes")).header("Content-Type", "application/json")
                .header("X-Test-Principal", principal)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String principal, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Test-Principal", principal).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher unknownLength(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sets the request's principal from a header, where the security filters would in a service. */
    @TestConfiguration
    static class HeaderPrincipal {
        @Bean
        FilterRegistrationBean<Filter> headerPrincipal() {
            Filter filter = (request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                String name = http.getHeader("X-Test-Principal");
                Supplier<Principal> principal = () -> name == null ? null : () -> name;
                chain.doFilter(new HttpServletRequestWrapper(http) {
                    @Override
                    public Principal getUserPrincipal() {
                        return principal.get();
                    }
                }, response);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(LimitsAutoConfiguration.RATE_LIMIT_ORDER - 1);
            return registration;
        }
    }
}
