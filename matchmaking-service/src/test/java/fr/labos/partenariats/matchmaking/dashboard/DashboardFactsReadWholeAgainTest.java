package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.introduction.view.IntroductionView;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionViewsWriter;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.platform.testing.MovableClock;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view whose write landed long after the time its writer stamped on it (a failover of MongoDB's primary, a writer's
 * clock behind) is missed by the polls that read from the last write seen, then read with the whole collection, once
 * the hour of the full read has come.
 */
class DashboardFactsReadWholeAgainTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant JANUARY_5 = Instant.parse("2026-01-05T09:00:00Z");

    private final InMemoryMongo mongo = InMemoryMongo.start();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aViewStampedBeyondTheOverlapIsReadAtTheNextFullRead() {
        IntroductionViewsWriter views = new IntroductionViewsWriter(mongo.template(), Clock.fixed(WRITTEN, LabCalendar.ZONE));
        MovableClock clock = new MovableClock(WRITTEN, LabCalendar.ZONE);
        DashboardFacts facts = new DashboardFacts(mongo.template(), clock, Duration.ofSeconds(10), Duration.ofHours(1));
        views.apply(new IntroductionStories().accepted("i-seen", "a", "b", JANUARY_5, Duration.ofDays(2)).events());
        assertThat(facts.all()).extracting(IntroductionFact::id).containsExactly("i-seen");

        views.apply(new IntroductionStories().accepted("i-late", "b", "c", JANUARY_5, Duration.ofDays(2)).events());
        mongo.template().updateFirst(Query.query(Criteria.where("_id").is("i-late")),
                Update.update(IntroductionView.TOUCHED_AT, WRITTEN.minus(Duration.ofMinutes(5)).toEpochMilli()),
                IntroductionView.COLLECTION);
        mongo.template().insert(new Document("_id", "partition-0").append("offset", 2L), IntroductionView.POSITIONS);
        clock.advance(Duration.ofMinutes(1));
        facts.poll();
        assertThat(facts.all()).as("stamped five minutes before the last write seen: missed")
                .extracting(IntroductionFact::id).containsExactly("i-seen");

        clock.advance(Duration.ofHours(1));
        facts.poll();

        assertThat(facts.all()).extracting(IntroductionFact::id).containsExactlyInAnyOrder("i-seen", "i-late");
    }
}
