package fr.labos.partenariats.matchmaking.projection;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day stored by an instance on Paris time is the same day for an instance on UTC, and the other way round: the
 * read models store a day at midnight UTC whatever the JVM's zone (against MongoDB's wire protocol).
 */
class MongoDaysTest {

    private static final TimeZone JVM_ZONE = TimeZone.getDefault();
    private static InMemoryMongo mongo;

    /** A read model's document with a day and an instant, as an introduction view has. */
    record Dated(@Id String id, LocalDate day, Instant at) {
    }

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(JVM_ZONE);
    }

    @Test
    void aDayWrittenOnParisTimeIsTheSameDayReadOnUtcAndBack() {
        MongoTemplate template = mongo.template();
        LocalDate firstOfMarch = LocalDate.of(2026, 3, 1);
        Instant at = Instant.parse("2026-03-01T22:30:00Z");

        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
        template.save(new Dated("paris", firstOfMarch, at));
        Document stored = template.getCollection("dated").find(new Document("_id", "paris")).first();
        assertThat(stored.get("day")).as("stored at midnight UTC").isEqualTo(Date.from(Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(stored.get("at")).isEqualTo(Date.from(at));

        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        assertThat(template.findById("paris", Dated.class)).isEqualTo(new Dated("paris", firstOfMarch, at));
        template.save(new Dated("utc", firstOfMarch, at));

        // Three hours behind UTC (as an instance in the Antilles or Guyane would be): still the first of March.
        TimeZone.setDefault(TimeZone.getTimeZone("America/Cayenne"));
        assertThat(template.findById("utc", Dated.class)).isEqualTo(new Dated("utc", firstOfMarch, at));
        assertThat(template.findById("paris", Dated.class)).isEqualTo(new Dated("paris", firstOfMarch, at));
    }
}
