package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the introduction views, a batch of events at a time: the views the batch touches are read in one query,
 * every event is applied to them in memory in order ({@link IntroductionViewChanges}, which ignores what a view
 * already holds), and the views that changed are written back whole in one bulk write. Redelivered events find their
 * sequence already applied and change nothing. The positions ({@value IntroductionView#POSITIONS}) are written by the consumer after
 * the views, as the profile projection does with its own.
 *
 * <p>Views are replaced by id alone, not by id and sequence: MongoDB's stand-in (mongo-java-server) scans the whole
 * collection for any other filter. Each partition has one consumer at a time, the only writer of its introductions;
 * a consumer that lost its partitions during a rebalance finishes at most its current batch, which the new owner
 * applies again from the stored positions.
 */
@Component
class IntroductionViewProjection {

    private static final Logger log = LoggerFactory.getLogger(IntroductionViewProjection.class);

    private final MongoTemplate mongo;
    private final ProjectionPositions positions;
    private final Clock clock;
    private final boolean rebuildFromTopic;
    private volatile boolean open;
    private boolean emptiedForRebuild;

    IntroductionViewProjection(MongoTemplate mongo, Clock clock, IntroductionViewProperties properties) {
        this.mongo = mongo;
        this.positions = new ProjectionPositions(mongo, IntroductionView.POSITIONS);
        this.clock = clock;
        this.rebuildFromTopic = properties.rebuildFromTopic();
    }

    ProjectionPositions positions() {
        return positions;
    }

    /**
     * Once, before the first batch: empties the views and their positions if a rebuild was asked for (the consumer
     * then starts every partition at offset 0), and makes sure the indexes exist.
     */
    synchronized void open() {
        if (open) {
            return;
        }
        if (rebuildFromTopic && !emptiedForRebuild) {
            log.warn("Rebuilding the introduction views from the topic: emptying {} and {}", IntroductionView.COLLECTION, IntroductionView.POSITIONS);
            mongo.dropCollection(IntroductionView.COLLECTION);
            mongo.dropCollection(IntroductionView.POSITIONS);
            emptiedForRebuild = true;
        }
        var indexes = mongo.indexOps(IntroductionView.COLLECTION);
        indexes.ensureIndex(new Index().on("actorId", Sort.Direction.ASC).named("actor"));
        indexes.ensureIndex(new Index().on("partnerActorId", Sort.Direction.ASC).named("partner"));
        indexes.ensureIndex(new Index().on(IntroductionView.TOUCHED_AT, Sort.Direction.ASC).named("touched"));
        open = true;
    }

    /**
     * Applies the events in their order, each at most once per view.
     *
     * @return for each event, whether it changed its view (false: a redelivery)
     */
    List<Boolean> applyAll(List<IntroductionEvent> events) {
        open();
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> ids = events.stream().map(IntroductionEvent::introductionId).collect(Collectors.toSet());
        Map<String, IntroductionView> views = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), IntroductionView.class)
                .forEach(view -> views.put(view.id, view));
        Map<String, IntroductionView> changed = new LinkedHashMap<>();
        Boolean[] applied = new Boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            IntroductionEvent event = events.get(i);
            IntroductionView view = views.computeIfAbsent(event.introductionId(), id -> new IntroductionView());
            applied[i] = IntroductionViewChanges.apply(view, event);
            if (applied[i]) {
                changed.put(view.id, view);
            }
        }
        if (!changed.isEmpty()) {
            long now = clock.millis();
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IntroductionView.class);
            for (IntroductionView view : changed.values()) {
                view.touchedAt = now;
                bulk.replaceOne(Query.query(Criteria.where("_id").is(view.id)), view, FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
        }
        return List.of(applied);
    }
}
