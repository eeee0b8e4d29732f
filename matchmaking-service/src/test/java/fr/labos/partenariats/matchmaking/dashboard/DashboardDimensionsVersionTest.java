package fr.labos.partenariats.matchmaking.dashboard;

import ch.qos.logback.classic.Level;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionStage;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DashboardDimensions#version()} moves when an actor's or a post's dimensions are first read or read different,
 * and only then; a refresh that changed some tells its listeners (what rebuilds the dashboards' table). Over the
 * MongoDB wire protocol (mongo-java-server).
 */
class DashboardDimensionsVersionTest {

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private DashboardDimensions dimensions;
    private final AtomicInteger told = new AtomicInteger();

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @BeforeEach
    void profiles() {
        template = mongo.template();
        template.dropCollection(ActorEntry.COLLECTION);
        template.dropCollection(PostKind.NEED.collection());
        template.dropCollection(PostKind.OFFER.collection());
        // Grenoble (38, région 84) and Chambéry (73, région 84).
        template.insert(new Document("_id", "a1").append("type", "ASSOCIATION").append("homeTerritory", "38185")
                .append("sdgs", List.of(3, 11)), ActorEntry.COLLECTION);
        template.insert(new Document("_id", "n1").append("category", "FUNDING"), PostKind.NEED.collection());
        dimensions = new DashboardDimensions(template);
        dimensions.whenChanged(told::incrementAndGet);
    }

    @Test
    void firstReadsMoveTheVersionAndReadingTheSameAgainDoesNot() {
        long before = dimensions.version();

        dimensions.cover(List.of(fact("a1", "a2", "n1")));

        long afterFirstRead = dimensions.version();
        assertThat(afterFirstRead).isGreaterThan(before);
        assertThat(dimensions.actor("a1").family()).isEqualTo(ActorFamily.PEERS);
        assertThat(dimensions.actor("a1").departement()).isEqualTo("38");
        assertThat(dimensions.category("n1")).isEqualTo(ResourceCategory.FUNDING);

        dimensions.cover(List.of(fact("a1", "a2", "n1")));
        dimensions.refresh();

        assertThat(dimensions.version()).isEqualTo(afterFirstRead);
        assertThat(told).hasValue(0);
    }

    @Test
    void aRefreshThatReadsAMovedActorMovesTheVersionAndTellsItsListeners() {
        dimensions.cover(List.of(fact("a1", "a2", "n1")));
        long before = dimensions.version();
        template.updateFirst(Query.query(Criteria.where("_id").is("a1")), Update.update("homeTerritory", "73065"),
                ActorEntry.COLLECTION);

        dimensions.refresh();

        assertThat(dimensions.version()).isGreaterThan(before);
        assertThat(dimensions.actor("a1").departement()).isEqualTo("73");
        assertThat(told).hasValue(1);
    }

    @Test
    void aRefreshThatFindsAnActorOrAPostMissingUntilThenMovesTheVersion() {
        dimensions.cover(List.of(fact("a1", "a2", "o9")));
        long before = dimensions.version();
        template.insert(new Document("_id", "a2").append("type", "MUNICIPALITY"), ActorEntry.COLLECTION);

        dimensions.refresh();

        long afterActor = dimensions.version();
        assertThat(afterActor).isGreaterThan(before);
        assertThat(dimensions.actor("a2").family()).isEqualTo(ActorFamily.PUBLIC);
        template.insert(new Document("_id", "o9").append("category", "SKILLS"), PostKind.OFFER.collection());

        dimensions.refresh();

        assertThat(dimensions.version()).isGreaterThan(afterActor);
        assertThat(dimensions.category("o9")).isEqualTo(ResourceCategory.SKILLS);
        assertThat(told).hasValue(2);
    }

    @Test
    void aPostWhoseCategoryChangedMovesTheVersion() {
        dimensions.cover(List.of(fact("a1", "a2", "n1")));
        long before = dimensions.version();
        template.updateFirst(Query.query(Criteria.where("_id").is("n1")), Update.update("category", "PREMISES"),
                PostKind.NEED.collection());

        dimensions.refresh();

        assertThat(dimensions.version()).isGreaterThan(before);
        assertThat(dimensions.category("n1")).isEqualTo(ResourceCategory.PREMISES);
    }

    @Test
    void valuesThisReleaseDoesNotKnowAreCountedUnknownAndSaidOnce() {
        // Written by a newer release during a rolling upgrade: a type and a category this one does not know.
        template.insert(new Document("_id", "a-new").append("type", "COOPERATIVE_OF_THE_FUTURE")
                .append("homeTerritory", "38185"), ActorEntry.COLLECTION);
        template.insert(new Document("_id", "o-new").append("category", "DATA"), PostKind.OFFER.collection());

        try (LoggedEvents logged = LoggedEvents.of(DashboardDimensions.class)) {
            dimensions.cover(List.of(fact("a1", "a-new", "n1"), fact("a-new", "a1", "o-new")));
            dimensions.refresh();
            dimensions.refresh();

            assertThat(dimensions.actor("a-new").family()).as("the unknown family").isNull();
            assertThat(dimensions.actor("a-new").departement()).as("the rest of it read").isEqualTo("38");
            assertThat(dimensions.category("o-new")).as("the unknown category").isNull();
            assertThat(dimensions.category("n1")).isEqualTo(ResourceCategory.FUNDING);
            assertThat(logged.at(Level.WARN)).as("each value said once, not at every refresh").hasSize(2)
                    .anySatisfy(message -> assertThat(message).contains("ActorType COOPERATIVE_OF_THE_FUTURE"))
                    .anySatisfy(message -> assertThat(message).contains("ResourceCategory DATA"));
        }
        long version = dimensions.version();
        dimensions.refresh();
        assertThat(dimensions.version()).as("read the same again: nothing changed").isEqualTo(version);
    }

    private static IntroductionFact fact(String actor, String partner, String post) {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        return new IntroductionFact("i-" + actor + "-" + partner, actor, partner, List.of(post),
                IntroductionSource.MATCHER, IntroductionStage.PROPOSED,
                at.getEpochSecond() / 86_400, at, null, null, null, null, null, null, null, null);
    }
}
