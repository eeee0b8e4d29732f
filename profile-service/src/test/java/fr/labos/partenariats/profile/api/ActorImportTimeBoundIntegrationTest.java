package fr.labos.partenariats.profile.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actors' import that runs longer than a transaction of the event store may stay open is stopped and rolled back:
 * nothing is written, and the answer says to split the file. Past that bound the relay could have given up waiting
 * for its events. The bound is a millisecond here, so that the first registration already runs past it.
 */
@ProfileServiceIntegrationTest
@TestPropertySource(properties = "lab.event-store.longest-transaction=1ms")
class ActorImportTimeBoundIntegrationTest {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anImportRunningPastTheLongestTransactionWritesNothingAndAsksForTheFileToBeSplit() throws Exception {
        String file = String.join("\r\n", "nom;type;commune",
                "Ressourcerie du Vercors " + run + ";association;38225",
                "Mairie d'Échirolles " + run + ";commune;38151",
                "Fondation Grenobloise " + run + ";fondation;38185",
                "Épicerie solidaire de Voiron " + run + ";association;38563",
                "Atelier vélo de Fontaine " + run + ";association;38169");
        long eventsBefore = events();
        long indexBefore = lastGlobalIndex();

        ResponseEntity<String> answer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                })
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.facilitator("DEPARTEMENT:38").sign()))
                .build().post().uri("/api/actors/import").contentType(CSV)
                .body(file.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.path("type").asText()).endsWith("/problems/service-unavailable");
        assertThat(problem.path("detail").asText()).isEqualTo("L'import a dépassé sa durée maximale (1 s) après"
                + " 1 ligne traitée sur 5 : il a été arrêté et rien n'a été enregistré. Découpez le fichier en plusieurs"
                + " fichiers plus petits et importez-les l'un après l'autre.");

        assertThat(lastGlobalIndex()).as("the first registration was appended before the import stopped")
                .isGreaterThan(indexBefore);
        assertThat(events()).as("and rolled back with the rest").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM actor_view WHERE document->>'name' LIKE ?", Long.class,
                "%" + run)).isZero();
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /** The global index last handed out, committed or not (a sequence is not rolled back). */
    private long lastGlobalIndex() {
        Long last = jdbc.queryForObject(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM domainevententry_globalindex_seq", Long.class);
        return last == null ? 0 : last;
    }
}
