package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.PostStatus;
import fr.labos.partenariats.matchmaking.projection.ProjectionObserver;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the matching index in step with the MongoDB projection: loaded from it when the projection opens (at start,
 * so a restart needs no Kafka replay), then changed by each document the projection writes, in the consumer's thread,
 * right after the write and before the offset is committed. A change thus reaches rankings within the time of one
 * record's processing (milliseconds; the integration tests allow 5 s).
 */
@Component
class IndexFollowsProjection implements ProjectionObserver {

    private static final Logger log = LoggerFactory.getLogger(IndexFollowsProjection.class);

    private final MatchingIndex index;
    private final Clock clock;

    IndexFollowsProjection(MatchingIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void reload(ProjectionReader projection) {
        long started = System.nanoTime();
        index.beginLoad();
        List<ActorEntry> actors = projection.allActors();
        for (ActorEntry actor : actors) {
            actorChanged(actor);
        }
        LocalDate today = LocalDate.now(clock);
        for (PostKind kind : PostKind.values()) {
            index.putAll(projection.open(kind, today).stream().map(post -> content(kind, post)).toList());
        }
        index.markReady();
        MatchingIndex.Statistics statistics = index.statistics();
        log.info("Matching index loaded from the projection in {} ms: {} needs, {} offers, {} actors",
                (System.nanoTime() - started) / 1_000_000, statistics.needs(), statistics.offers(), statistics.actors());
    }

    @Override
    public void postChanged(PostKind kind, PostEntry post) {
        if (post.status() == PostStatus.OPEN) {
            index.put(content(kind, post));
        } else {
            index.remove(kind, post.id(), post.sequence());
        }
    }

    @Override
    public void actorChanged(ActorEntry actor) {
        index.putActor(actor.id(), actor.name(), actor.type(), actor.sequence());
    }

    private static MatchingIndex.PostContent content(PostKind kind, PostEntry post) {
        // An open post's last event is its registration or its latest update: when its content was last written.
        Instant writtenAt = post.lastEventAt() != null ? post.lastEventAt() : post.registeredAt();
        return new MatchingIndex.PostContent(kind, post.id(), post.actorId(), post.details(), post.sequence(), writtenAt);
    }
}
