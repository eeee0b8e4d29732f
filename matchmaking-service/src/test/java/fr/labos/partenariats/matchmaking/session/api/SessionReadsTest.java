package fr.labos.partenariats.matchmaking.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.TwoInstances;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sessions are read. Two instances of the service on one event store, as behind a load balancer without affinity:
 * each keeps the sessions it folded in memory, and a session the other instance changed since must be read as it
 * stands, in the session's page and in the list of sessions alike. And the list finds the sessions among all the
 * store's events through an index of their own.
 */
class SessionReadsTest {

    private static final String ASSOCIATION = "association-" + UUID.randomUUID();
    private static final String FOUNDATION = "fondation-" + UUID.randomUUID();
    private static final String FACILITATOR = TestTokens.facilitator("DEPARTEMENT:38").sign();

    private static TwoInstances instances;
    private static RunningMatchmaking a;
    private static RunningMatchmaking b;

    @BeforeAll
    static void start() {
        instances = TwoInstances.start("session-reads", TwoInstances.association(ASSOCIATION),
                TwoInstances.foundation(FOUNDATION));
        a = instances.a();
        b = instances.b();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void aSessionChangedOnOneInstanceIsReadAsItStandsOnTheOther() {
        String id = RunningMatchmaking.parse(a.post("/api/sessions", FACILITATOR, """
                {"title": "Rencontres de l'emploi", "territory": {"code": "38", "level": "DEPARTEMENT"},
                 "place": "Grenoble", "date": "%s", "startsAt": "09:00", "rounds": 3, "minutesPerRound": 12,
                 "tables": 3}""".formatted(LocalDate.now().plusDays(7))).body()).path("id").asText();
        // B folds the session, and the list, before anything else happens to it.
        assertThat(participantsOnPage(b, id)).isZero();
        assertThat(participantsInList(b, id)).isZero();

        register(a, id, ASSOCIATION);

        assertThat(participantsOnPage(b, id)).isEqualTo(1);
        assertThat(participantsInList(b, id)).isEqualTo(1);

        // A folded the session when registering (its access check reads it); B moves it on.
        register(b, id, FOUNDATION);

        assertThat(participantsInList(a, id)).isEqualTo(2);
        assertThat(participantsOnPage(a, id)).isEqualTo(2);
        assertThat(participantsOnPage(b, id)).isEqualTo(2);
    }

    @Test
    void aSessionPlannedOnOneInstanceIsListedOnTheOtherAndAnUnknownOneIsA404() {
        participantsInList(b, "none"); // B has folded every session planned so far
        String id = RunningMatchmaking.parse(a.post("/api/sessions", FACILITATOR, """
                {"title": "Rencontres du mécénat", "territory": {"code": "38", "level": "DEPARTEMENT"},
                 "place": "Vienne", "date": "%s", "startsAt": "14:00", "rounds": 2, "minutesPerRound": 10,
                 "tables": 2}""".formatted(LocalDate.now().plusDays(14))).body()).path("id").asText();

        assertThat(participantsInList(b, id)).isZero();
        assertThat(b.get("/api/sessions/" + UUID.randomUUID(), FACILITATOR).statusCode()).isEqualTo(404);
    }

    @Test
    void theListOfSessionsFindsThemThroughItsIndexNotByReadingEveryEvent() throws Exception {
        try (Connection connection = DriverManager.getConnection(a.databaseUrl(), EmbeddedPostgresInitializer.USER,
                EmbeddedPostgresInitializer.PASSWORD); Statement statement = connection.createStatement()) {
            // A handful of rows here: without this the planner would rightly scan them; with it, it scans only if
            // the index cannot serve the query (its predicate no longer matching the payload type the query names).
            statement.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + SessionDirectory.PLANNED_SESSIONS)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("domainevententry_session_planned")
                    .doesNotContain("Seq Scan on domainevententry planned");
        }
    }

    private static void register(RunningMatchmaking instance, String sessionId, String actorId) {
        assertThat(instance.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(actorId)).statusCode()).isBetween(200, 204);
    }

    private static int participantsOnPage(RunningMatchmaking instance, String sessionId) {
        var response = instance.get("/api/sessions/" + sessionId, FACILITATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningMatchmaking.parse(response.body()).path("participants").size();
    }

    /** The session's participant count in the list; -1 when it is not listed. */
    private static int participantsInList(RunningMatchmaking instance, String sessionId) {
        var response = instance.get("/api/sessions", FACILITATOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = RunningMatchmaking.parse(response.body());
        return StreamSupport.stream(list.spliterator(), false).filter(s -> s.path("id").asText().equals(sessionId))
                .findFirst().map(s -> s.path("participants").asInt()).orElse(-1);
    }
}
