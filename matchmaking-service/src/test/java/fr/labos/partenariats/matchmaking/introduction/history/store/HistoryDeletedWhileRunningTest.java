package fr.labos.partenariats.matchmaking.introduction.history.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An introduction's newest step deleted from the event store and from the history while the service runs: the tree
 * it holds in memory kept that leaf, and only a restart rebuilt it from the table. Now the next publishing period
 * finds the row gone, and the running service does what a restarted one does.
 */
class HistoryDeletedWhileRunningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static InMemoryMongo mongo;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                SharedKafka.newTopic("it.history-deleted.profile.events"), "it-history-deleted-" + UUID.randomUUID(),
                "lab.introductions.history.head-initial-delay=PT0.1S",
                "lab.introductions.history.head-interval=PT0.2S",
                "lab.relay.topic=" + SharedKafka.newTopic("it.history-deleted.matchmaking.events"));
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void aStepDeletedFromBothTablesStopsTheHeadsWithoutARestart() throws Exception {
        Introductions introductions = new Introductions(service);
        String first = introductions.proposedAndAccepted("Intermédiation : atelier vélo");
        String second = introductions.proposedAndAccepted("Intermédiation : jardin partagé");
        awaitHead(6);
        String firstEvent = JSON.readTree(service.get("/api/introductions/" + first + "/history").body())
                .path("steps").get(0).path("eventId").asText();
        MeterRegistry meters = service.context().getBean(MeterRegistry.class);
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.get(IntroductionLog.UNMATCHED_EVENTS).gauge().value()).isZero());

        // The first introduction's newest step (leaf 2), from both tables: its chain is then shorter, and holds.
        try (Connection db = DriverManager.getConnection(service.databaseUrl(), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD);
             PreparedStatement event = db.prepareStatement(
                     "DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2");
             PreparedStatement row = db.prepareStatement(
                     "DELETE FROM introduction_history WHERE introduction_id = ? AND sequence_number = 2")) {
            event.setString(1, first);
            row.setString(1, first);
            assertThat(event.executeUpdate()).isEqualTo(1);
            assertThat(row.executeUpdate()).isEqualTo(1);
        }

        // The head of 6 covers 4 events the tree, rebuilt from the table, no longer holds.
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.get("lab.introduction.log.missing.leaves").gauge().value()).isEqualTo(4.0));
        String later = introductions.proposedAndAccepted("Intermédiation : locaux");
        // 8 events in the store, the tree stops at leaf 2.
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.get(IntroductionLog.UNMATCHED_EVENTS).gauge().value()).isEqualTo(6.0));
        JsonNode shortened = JSON.readTree(service.get("/api/introductions/" + first + "/verification").body());
        assertThat(shortened.path("holds").asBoolean()).as(shortened.toString()).isTrue();
        for (String untouched : List.of(second, later)) {
            JsonNode beyond = JSON.readTree(service.get("/api/introductions/" + untouched + "/verification").body());
            assertThat(beyond.path("holds").asBoolean()).as(beyond.toString()).isFalse();
            assertThat(beyond.path("reason").asText()).isEqualTo("TREE_INTERRUPTED");
        }
        // Several publishing periods later, still the head of 6: none is signed over the tree the store lost.
        Thread.sleep(1_000);
        assertThat(JSON.readTree(service.get("/api/introduction-log/head").body()).path("treeSize").asLong())
                .isEqualTo(6);
        HttpResponse<String> inclusion = service.get("/api/introduction-log/inclusion?treeSize=6&eventId="
                + firstEvent);
        assertThat(inclusion.statusCode()).as(inclusion.body()).isEqualTo(404);
        assertThat(JSON.readTree(inclusion.body()).path("detail").asText()).isEqualTo("L'arbre ne compte que 2 "
                + "événements ; la tête de 6 événements ne peut plus être reconstituée.");
        // An event recorded past the hole, asked for against the latest head: no head will ever cover it (not a 409
        // that says to wait for the next one).
        JsonNode laterStep = JSON.readTree(service.get("/api/introductions/" + later + "/history").body())
                .path("steps").get(0);
        HttpResponse<String> beyondHole = service.get("/api/introduction-log/inclusion?eventId="
                + laterStep.path("eventId").asText());
        assertThat(beyondHole.statusCode()).as(beyondHole.body()).isEqualTo(404);
        assertThat(JSON.readTree(beyondHole.body()).path("detail").asText()).isEqualTo("L'événement « "
                + laterStep.path("eventId").asText() + " » (feuille " + laterStep.path("leafIndex").asLong()
                + ") est au-delà de la fin de l'arbre, qui s'arrête à 2 événements : une ligne de l'historique a été "
                + "effacée de la base avant lui, aucune tête ne le couvrira.");
    }

    private static void awaitHead(long size) {
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(
                service.get("/api/introduction-log/head").body()).path("treeSize").asLong()).isEqualTo(size));
    }
}
