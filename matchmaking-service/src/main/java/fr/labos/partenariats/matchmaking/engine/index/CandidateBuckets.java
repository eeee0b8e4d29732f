package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.Place;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.engine.model.TerritorialProximity;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;

import java.util.Arrays;

/**
 * The inverted lists that make candidate generation cheap. Every post is filed, for its kind and category,
 * <ul>
 *   <li>"at" its own territory, and</li>
 *   <li>"within" every territory strictly containing its own (its EPCI, département, région, national).</li>
 * </ul>
 * The posts passing the territorial gate with a post at territory T are then those "at" one of T's containers (they
 * cover T), those "within" T (T covers them), and its neighbours: those "within" T's EPCI or département that are
 * nested with T in no way. A ranking visits these few lists, for the categories the category gate allows, and never
 * sees a post both gates would refuse. The neighbours' lists also hold posts another list gives, so a ranking keeps
 * from them only the posts whose smallest common territory with T is the list's own
 * ({@link TerritorialProximity#neighboursThrough}): each candidate comes exactly once, with its proximity. Lists come
 * nearest first, neighbours last, so that good candidates fill the top-k early and let the exact score reject the
 * rest sooner.
 *
 * <p>Indexed by place id and by (kind, category) slot, in arrays: no hashing on the way to a list. Guarded by the
 * index's lock.
 */
final class CandidateBuckets {

    private static final int CATEGORIES = ResourceCategory.values().length;
    private static final int SLOTS = PostKind.values().length * CATEGORIES;

    private PostBucket[][] at = new PostBucket[1024][];
    private PostBucket[][] within = new PostBucket[1024][];

    void add(PostFeatures post) {
        int slot = slot(post.kind(), post.category());
        int[] containers = post.place().containers();
        bucket(at, containers[0], slot).add(post);
        for (int i = 1; i < containers.length; i++) {
            bucket(within, containers[i], slot).add(post);
        }
    }

    void remove(PostFeatures post) {
        int slot = slot(post.kind(), post.category());
        int[] containers = post.place().containers();
        at[containers[0]][slot].remove(post);
        for (int i = 1; i < containers.length; i++) {
            within[containers[i]][slot].remove(post);
        }
    }

    void clear() {
        Arrays.fill(at, null);
        Arrays.fill(within, null);
    }

    /**
     * A list to visit, and the level of the smallest territory holding the subject and any post taken from the list;
     * {@code neighbourhood} is {@link #EVERY_POST} for a list whose posts all pass the territorial gate, or, for a
     * neighbours' list, the index of its territory among the subject's containers: only the posts for which
     * {@link TerritorialProximity#neighboursThrough} holds with it are to be taken.
     */
    @FunctionalInterface
    interface BucketVisitor {
        void visit(PostBucket bucket, TerritoryLevel commonLevel, int neighbourhood);
    }

    static final int EVERY_POST = -1;

    /**
     * Visits the non-empty lists holding every post of that kind and category that passes the territorial gate with a
     * post at {@code place}: at the place itself and within it (the place is then the smallest common territory),
     * then at each larger container, nearest first (that container is), then within each container of the place up to
     * its département, for its neighbours.
     */
    void visitCandidates(Place place, PostKind kind, ResourceCategory category, BucketVisitor visitor) {
        int slot = slot(kind, category);
        int[] containers = place.containers();
        TerritoryLevel[] levels = place.containerLevels();
        visitIfPresent(visitor, at, containers[0], slot, levels[0]);
        visitIfPresent(visitor, within, containers[0], slot, levels[0]);
        for (int i = 1; i < containers.length; i++) {
            visitIfPresent(visitor, at, containers[i], slot, levels[i]);
        }
        for (int i = 1; i < containers.length; i++) {
            if (levels[i].compareTo(TerritoryLevel.DEPARTEMENT) <= 0) {
                visitIfPresent(visitor, within, containers[i], slot, levels[i], i);
            }
        }
    }

    private static void visitIfPresent(BucketVisitor visitor, PostBucket[][] lists, int placeId, int slot, TerritoryLevel level) {
        visitIfPresent(visitor, lists, placeId, slot, level, EVERY_POST);
    }

    private static void visitIfPresent(BucketVisitor visitor, PostBucket[][] lists, int placeId, int slot,
                                       TerritoryLevel level, int neighbourhood) {
        if (placeId < lists.length && lists[placeId] != null) {
            PostBucket bucket = lists[placeId][slot];
            if (bucket != null && bucket.size() > 0) {
                visitor.visit(bucket, level, neighbourhood);
            }
        }
    }

    private PostBucket bucket(PostBucket[][] lists, int placeId, int slot) {
        if (placeId >= lists.length) {
            lists = grow(lists, placeId);
        }
        PostBucket[] slots = lists[placeId];
        if (slots == null) {
            slots = new PostBucket[SLOTS];
            lists[placeId] = slots;
        }
        PostBucket bucket = slots[slot];
        if (bucket == null) {
            bucket = new PostBucket();
            slots[slot] = bucket;
        }
        return bucket;
    }

    private PostBucket[][] grow(PostBucket[][] lists, int placeId) {
        PostBucket[][] grown = Arrays.copyOf(lists, Math.max(placeId + 1, lists.length * 2));
        if (lists == at) {
            at = grown;
        } else {
            within = grown;
        }
        return grown;
    }

    private static int slot(PostKind kind, ResourceCategory category) {
        return kind.ordinal() * CATEGORIES + category.ordinal();
    }
}
