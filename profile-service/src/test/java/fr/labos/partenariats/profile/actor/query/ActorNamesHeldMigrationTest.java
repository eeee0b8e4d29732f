package fr.labos.partenariats.profile.actor.query;

import fr.labos.partenariats.platform.testing.EmbeddedPostgresInitializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V10 fills the names actors held from the event store of a database that ran before it, so that an import after
 * the upgrade recognises an actor renamed before it.
 */
class ActorNamesHeldMigrationTest {

    private static final String[] LOCATIONS = {"classpath:db/migration/axon", "classpath:db/migration/profile"};
    private static final String EVENTS = "fr.labos.partenariats.schema.profile.";

    private SingleConnectionDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        database = new SingleConnectionDataSource(EmbeddedPostgresInitializer.newDatabase(),
                EmbeddedPostgresInitializer.USER, EmbeddedPostgresInitializer.PASSWORD, true);
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void close() {
        database.destroy();
    }

    @Test
    void everyNameAndCommuneOfTheEventsIsHeldOnceAndOtherEventsAddNothing() {
        migrate("9");
        event("actor-1", 0, "ActorRegisteredEvent", """
                {"actorId":"actor-1","name":"Jardins partagés de Fontaine","type":"ASSOCIATION","homeTerritory":"38169",
                 "themes":[],"sdgs":[],"description":null,"registeredAt":"2025-03-01T09:00:00Z"}""");
        event("actor-1", 1, "ActorProfileUpdatedEvent", """
                {"actorId":"actor-1","name":"Les Jardins de Sassenage","type":"ASSOCIATION","homeTerritory":"38474",
                 "themes":[],"sdgs":[],"description":"Potagers « en pied d'immeuble »"}""");
        event("actor-1", 2, "ActorProfileUpdatedEvent", """
                {"actorId":"actor-1","name":"Les Jardins de Sassenage","type":"ASSOCIATION","homeTerritory":"38474",
                 "themes":["FOOD"],"sdgs":[2],"description":null}""");
        event("actor-1", 3, "ActorContactErasedEvent", """
                {"actorId":"actor-1","erasedAt":"2025-06-01T09:00:00Z"}""");

        migrate(null);

        assertThat(jdbc.queryForList("SELECT home_territory || ' ' || name FROM actor_name_held WHERE actor_id = 'actor-1'",
                String.class)).containsExactlyInAnyOrder("38169 Jardins partagés de Fontaine", "38474 Les Jardins de Sassenage");
    }

    private void event(String actorId, long sequence, String type, String payload) {
        jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                                                      payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, 'Actor', ?, ?, '1', ?, '2025-03-01T09:00:00Z')""",
                actorId, sequence, actorId + "-" + sequence, payload.getBytes(StandardCharsets.UTF_8), EVENTS + type);
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(database).locations(LOCATIONS);
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }
}
