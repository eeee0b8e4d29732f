package fr.labos.partenariats.matchmaking.matching.index;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.profile.PostDetails;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The projection's door into the {@link MatchingEngine}: the same writes, in the projection's vocabulary (its
 * {@link PostKind}, whose values name MongoDB collections), turned into the engine's. Used by the classes of this
 * package that keep the engine in step with the projection.
 */
@Component
class MatchingIndex {

    /** What the projection knows of one standing post. */
    record PostContent(PostKind kind, String id, String actorId, PostDetails details, long sequence, Instant writtenAt) {
    }

    /** Sizes, for health and metrics. */
    record Statistics(int needs, int offers, int actors, int vocabulary, int places) {
    }

    private final MatchingEngine engine;

    MatchingIndex(MatchingEngine engine) {
        this.engine = engine;
    }

    boolean isReady() {
        return engine.isReady();
    }

    void beginLoad() {
        engine.beginLoad();
    }

    void markReady() {
        engine.markReady();
    }

    void put(PostContent content) {
        engine.put(toEngine(content));
    }

    void putAll(Collection<PostContent> contents) {
        engine.putAll(contents.stream().map(MatchingIndex::toEngine).toList());
    }

    void remove(PostKind kind, String id, long sequence) {
        engine.remove(toEngine(kind), id, sequence);
    }

    void putActor(String id, String name, ActorType type, long sequence) {
        engine.upsertActor(id, name, type, sequence);
    }

    int purgeExpired(LocalDate today) {
        return engine.purgeExpired(today);
    }

    Statistics statistics() {
        var statistics = engine.statistics();
        return new Statistics(statistics.needs(), statistics.offers(), statistics.actors(), statistics.vocabulary(),
                statistics.places());
    }

    private static fr.labos.partenariats.matchmaking.engine.index.MatchingIndex.PostContent toEngine(PostContent content) {
        return new fr.labos.partenariats.matchmaking.engine.index.MatchingIndex.PostContent(toEngine(content.kind()),
                content.id(), content.actorId(), content.details(), content.sequence(), content.writtenAt());
    }

    private static fr.labos.partenariats.matchmaking.engine.model.PostKind toEngine(PostKind kind) {
        return switch (kind) {
            case NEED -> fr.labos.partenariats.matchmaking.engine.model.PostKind.NEED;
            case OFFER -> fr.labos.partenariats.matchmaking.engine.model.PostKind.OFFER;
        };
    }
}
