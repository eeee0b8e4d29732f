package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.schema.common.ResourceCategory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Actors' and posts' dimensions held in memory for unit tests, no MongoDB; an id not put is unknown. */
final class FakeDimensions extends DashboardDimensions {

    private final Map<String, ActorDimensions> actors = new ConcurrentHashMap<>();
    private final Map<String, ResourceCategory> posts = new ConcurrentHashMap<>();
    private volatile long version;
    final AtomicInteger covered = new AtomicInteger();

    FakeDimensions() {
        super(null);
    }

    @Override
    ActorDimensions actor(String actorId) {
        return actorId == null ? ActorDimensions.UNKNOWN : actors.getOrDefault(actorId, ActorDimensions.UNKNOWN);
    }

    @Override
    ResourceCategory category(String postId) {
        return posts.get(postId);
    }

    @Override
    void cover(Collection<IntroductionFact> facts) {
        covered.incrementAndGet();
    }

    @Override
    long version() {
        return version;
    }

    synchronized void actor(String id, ActorDimensions dimensions) {
        actors.put(id, dimensions);
        version++;
    }

    synchronized void post(String id, ResourceCategory category) {
        posts.put(id, category);
        version++;
    }

    synchronized void clear() {
        actors.clear();
        posts.clear();
        version++;
    }
}
