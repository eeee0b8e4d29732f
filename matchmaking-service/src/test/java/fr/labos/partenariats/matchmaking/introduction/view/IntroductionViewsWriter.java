package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Writes introduction views into MongoDB as the consumer does, a batch of events at a time through the projection,
 * without Kafka: for the tests of what reads the views from other packages (the dashboards).
 */
public final class IntroductionViewsWriter {

    private final MongoTemplate mongo;
    private final Clock clock;

    public IntroductionViewsWriter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Applies the events in their order, as one batch; how many changed a view (the others were redeliveries). */
    public long apply(List<Told> events) {
        return apply(events, false);
    }

    /** Empties the views, as a rebuild from the topic does at its start, then applies the events from the first. */
    public long rebuild(List<Told> events) {
        return apply(events, true);
    }

    private long apply(List<Told> events, boolean rebuild) {
        IntroductionViewProjection projection = new IntroductionViewProjection(mongo, clock,
                new IntroductionViewProperties("views-test", "views-test", "", rebuild));
        return projection.applyAll(events.stream().map(IntroductionViewChangesTest::event).toList()).stream()
                .filter(Boolean::booleanValue).count();
    }
}
