package fr.labos.partenariats.profile.actor.query;

import fr.labos.partenariats.platform.testing.DatabaseToMigrate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V10 fills the names actors held from the event store of a database that ran before it, so that an import after
 * the upgrade recognises an actor renamed before it.
 */
class ActorNamesHeldMigrationTest {

    private static final String EVENTS = "fr.labos.partenariats.schema.profile.";

    @RegisterExtension
    final DatabaseToMigrate database = new DatabaseToMigrate("classpath:db/migration/axon",
            "classpath:db/migration/profile");

    @Test
    void everyNameAndCommuneOfTheEventsIsHeldOnceAndOtherEventsAddNothing() {
        database.migrateTo("9");
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

        database.migrate();

        assertThat(database.jdbc().queryForList(
                "SELECT home_territory || ' ' || name FROM actor_name_held WHERE actor_id = 'actor-1'",
                String.class)).containsExactlyInAnyOrder("38169 Jardins partagés de Fontaine", "38474 Les Jardins de Sassenage");
    }

    private void event(String actorId, long sequence, String type, String payload) {
        database.jdbc().update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                                                      payloadrevision, payloadtype, timestamp)
                        VALUES (?, ?, 'Actor', ?, ?, '1', ?, '2025-03-01T09:00:00Z')""",
                actorId, sequence, actorId + "-" + sequence, payload.getBytes(StandardCharsets.UTF_8), EVENTS + type);
    }
}
