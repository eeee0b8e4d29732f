package fr.labos.partenariats.matchmaking.introduction.history.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An introduction's history as the service serves it, from its real PostgreSQL event store, and what one SQL UPDATE
 * of a stored event does to its verification.
 */
class HistoryTamperingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryMongo mongo;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                SharedKafka.newTopic("it.history.profile.events"), "it-history-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void theHistoryShowsEveryStepWithWhoActedAndItsChainedHash() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Intermédiation : locaux partagés");

        JsonNode steps = json(service.get("/api/introductions/" + id + "/history")).path("steps");

        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("what").asText()).isEqualTo("IntroductionProposedEvent");
        assertThat(steps.get(0).path("who").path("subject").asText()).isEqualTo(Introductions.FACILITATOR);
        assertThat(steps.get(0).path("grounds").path("note").asText()).isEqualTo("Intermédiation : locaux partagés");
        assertThat(steps.get(0).path("previousHash").isNull()).isTrue();
        assertThat(steps.get(2).path("who").path("actingFor").asText()).isEqualTo("actor-b");
        assertThat(steps.get(2).path("who").path("role").asText()).isEqualTo("ACTOR_MEMBER");
        for (int i = 1; i < 3; i++) {
            assertThat(steps.get(i).path("previousHash").asText()).isEqualTo(steps.get(i - 1).path("hash").asText());
        }
        JsonNode verification = json(service.get("/api/introductions/" + id + "/verification"));
        assertThat(verification.path("holds").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("lastHash").asText()).isEqualTo(steps.get(2).path("hash").asText());
    }

    @Test
    void anSqlUpdateOfOneStoredEventBreaksTheVerificationAtThatStep() throws Exception {
        String id = new Introductions(service).proposedAndAccepted("Mise en relation pour un prêt de salle");
        assertThat(json(service.get("/api/introductions/" + id + "/verification")).path("holds").asBoolean()).isTrue();

        int updated = sql("""
                UPDATE domainevententry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'actor-a', 'actor-z'), 'UTF8')
                WHERE aggregateidentifier = ? AND sequencenumber = 1""", id);
        assertThat(updated).isEqualTo(1);

        JsonNode verification = json(service.get("/api/introductions/" + id + "/verification"));
        assertThat(verification.path("holds").asBoolean()).isFalse();
        assertThat(verification.path("brokenStep").asLong()).isEqualTo(1);
        assertThat(verification.path("brokenType").asText()).isEqualTo("IntroductionAcceptedEvent");
        assertThat(verification.path("reason").asText()).isEqualTo("ALTERED_STEP");
        assertThat(verification.path("explanation").asText())
                .isEqualTo("l'étape 1 (IntroductionAcceptedEvent) a été modifiée après son enregistrement");
    }

    @Test
    void anUnknownIntroductionHasNoHistory() throws Exception {
        HttpResponse<String> response = service.get("/api/introductions/intro-nowhere/history");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asText()).contains("intro-nowhere");
    }

    private static int sql(String statement, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(service.databaseUrl(), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD);
             PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, parameter);
            return update.executeUpdate();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
