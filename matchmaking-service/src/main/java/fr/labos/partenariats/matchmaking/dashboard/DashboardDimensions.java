package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dashboards group introductions by, read from the matching projection's collections ({@code actors},
 * {@code needs}, {@code offers}) at query time rather than copied into the introduction views when an event is applied.
 *
 * <p>Why: a copy would depend on when the event was applied. A profile and an introduction travel on two topics with
 * no order between them, so a first run may apply an introduction before its actor's profile has arrived (no family,
 * no département) and a replay long after (with them), or copy SDGs an actor changed since: a rebuild from offset 0
 * would not count the same. Joined at query time, the counts depend only on the introduction events and on the
 * profile projection as it stands, so a rebuilt dashboard gives exactly the counts it had; an actor that moved is
 * counted where it is now, which is what a lab reading its dashboard expects.
 *
 * <p>Kept in memory for speed: the ids the introductions refer to are read when first met, and all of them again
 * every {@code matchmaking.dashboard.dimensions-refresh} (so a changed profile shows within that delay).
 */
@Component
class DashboardDimensions {

    /** An actor's family, home département and région, and SDGs; null fields while its profile has not arrived. */
    record ActorDimensions(ActorFamily family, String departement, String region, List<Integer> sdgs) {
        static final ActorDimensions UNKNOWN = new ActorDimensions(null, null, null, List.of());
    }

    private static final Logger log = LoggerFactory.getLogger(DashboardDimensions.class);
    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;
    private final TerritoryDirectory territories = TerritoryDirectory.official();
    private final Map<String, ActorDimensions> actors = new ConcurrentHashMap<>();
    /** Each post read, with its category; empty: none, or one this release does not know. */
    private final Map<String, Optional<ResourceCategory>> posts = new ConcurrentHashMap<>();
    private final Set<String> missingActors = ConcurrentHashMap.newKeySet();
    private final Set<String> missingPosts = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    /** The values of an enum this release does not know that were logged (once each). */
    private final ValuesOfNewerReleases newerValues = new ValuesOfNewerReleases(log);

    DashboardDimensions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ActorDimensions actor(String actorId) {
        return actorId == null ? ActorDimensions.UNKNOWN : actors.getOrDefault(actorId, ActorDimensions.UNKNOWN);
    }

    /** The post's category, or null if the post has not reached the projection or its category is unknown. */
    ResourceCategory category(String postId) {
        Optional<ResourceCategory> category = posts.get(postId);
        return category == null ? null : category.orElse(null);
    }

    /** Changes whenever an actor's or a post's dimensions are read for the first time, or read different. */
    long version() {
        return version.get();
    }

    /** Runs the listener after each scheduled refresh that changed some dimensions (on the refreshing thread). */
    void whenChanged(Runnable listener) {
        listeners.add(listener);
    }

    /** Reads the actors and posts these facts refer to that have not been read yet. */
    void cover(Collection<IntroductionFact> facts) {
        Set<String> newActors = new HashSet<>();
        Set<String> newPosts = new HashSet<>();
        for (IntroductionFact fact : facts) {
            for (String actor : new String[]{fact.actorId(), fact.partnerActorId()}) {
                if (actor != null && !actors.containsKey(actor) && !missingActors.contains(actor)) {
                    newActors.add(actor);
                }
            }
            for (String post : fact.postIds()) {
                if (!posts.containsKey(post) && !missingPosts.contains(post)) {
                    newPosts.add(post);
                }
            }
        }
        readActors(newActors);
        readPosts(newPosts);
    }

    /** Reads every actor and post met so far again, and those not found then. */
    @Scheduled(fixedDelayString = "${matchmaking.dashboard.dimensions-refresh:30s}",
            initialDelayString = "${matchmaking.dashboard.dimensions-refresh:30s}")
    void refresh() {
        long before = version();
        try {
            Set<String> actorIds = new HashSet<>(actors.keySet());
            actorIds.addAll(missingActors);
            Set<String> postIds = new HashSet<>(posts.keySet());
            postIds.addAll(missingPosts);
            missingActors.clear();
            missingPosts.clear();
            readActors(actorIds);
            readPosts(postIds);
        } catch (RuntimeException e) {
            log.debug("Cannot refresh the dashboards' actors and posts", e);
        }
        if (version() != before) {
            listeners.forEach(Runnable::run);
        }
    }

    private void readActors(Set<String> ids) {
        for (List<String> chunk : chunks(ids)) {
            Query query = Query.query(Criteria.where("_id").in(chunk));
            query.fields().include("type", "homeTerritory", "sdgs");
            Set<String> found = new HashSet<>();
            for (Document actor : mongo.find(query, Document.class, ActorEntry.COLLECTION)) {
                String id = actor.getString("_id");
                found.add(id);
                ActorDimensions read = dimensions(actor);
                if (!read.equals(actors.put(id, read))) {
                    version.incrementAndGet();
                }
            }
            chunk.stream().filter(id -> !found.contains(id)).forEach(missingActors::add);
        }
    }

    private void readPosts(Set<String> ids) {
        Set<String> notFound = new HashSet<>(ids);
        for (PostKind kind : PostKind.values()) {
            for (List<String> chunk : chunks(notFound)) {
                Query query = Query.query(Criteria.where("_id").in(chunk));
                query.fields().include("category");
                for (Document post : mongo.find(query, Document.class, kind.collection())) {
                    String category = post.getString("category");
                    Optional<ResourceCategory> read = Optional.ofNullable(
                            category == null ? null : newerValues.known(ResourceCategory.class, category, kind.collection()));
                    if (!read.equals(posts.put(post.getString("_id"), read))) {
                        version.incrementAndGet();
                    }
                    notFound.remove(post.getString("_id"));
                }
            }
        }
        missingPosts.addAll(notFound);
    }

    private ActorDimensions dimensions(Document actor) {
        String type = actor.getString("type");
        ActorType actorType = type == null ? null : newerValues.known(ActorType.class, type, ActorEntry.COLLECTION);
        ActorFamily family = actorType == null ? null : actorType.family();
        String home = actor.getString("homeTerritory");
        String departement = null;
        String region = null;
        if (home != null) {
            TerritoryRef commune = TerritoryRef.commune(home);
            departement = territories.departementOf(commune).map(TerritoryRef::code).orElse(null);
            region = territories.regionOf(commune).map(TerritoryRef::code).orElse(null);
        }
        List<Integer> sdgs = new ArrayList<>();
        Object stored = actor.get("sdgs");
        if (stored instanceof List<?> list) {
            list.stream().filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).forEach(sdgs::add);
        }
        return new ActorDimensions(family, departement, region, List.copyOf(sdgs));
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
