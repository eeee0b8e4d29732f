package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;

import java.util.Arrays;

/**
 * The candidates of one ranking, each with an upper bound of its score and the cheap parts of its score already
 * computed, handed out highest bound first (a binary max-heap over parallel arrays). Scoring candidates in that order
 * fills the top k with the likeliest ones first, so the top k's threshold rises fast, and the ranking stops as soon as
 * the next bound (of a candidate or of a block not yet streamed) falls below it: every candidate not yet scored has a
 * bound, hence a score, below the threshold.
 */
final class CandidateQueue {

    /**
     * Per candidate: bound, category-territory-purpose, crossFamily, freshness, text bound, may be reciprocal (0/1),
     * text bound refined from the terms (0/1).
     */
    private static final int FIELDS = 7;

    private double[] values;
    private PostFeatures[] posts;
    private int size;

    CandidateQueue(int capacity) {
        posts = new PostFeatures[Math.max(16, capacity)];
        values = new double[posts.length * FIELDS];
    }

    /** Adds the candidate last given to {@code ranking.cheapBound}, with its bound and its tighter text bound. */
    void add(double bound, PostFeatures post, ComplementarityModel.Ranking ranking, double descriptionBound) {
        if (size == posts.length) {
            posts = Arrays.copyOf(posts, size * 2);
            values = Arrays.copyOf(values, posts.length * FIELDS);
        }
        int at = size * FIELDS;
        values[at] = bound;
        values[at + 1] = ranking.lastCategoryTerritoryPurpose();
        values[at + 2] = ranking.lastCrossFamily();
        values[at + 3] = ranking.lastFreshness();
        values[at + 4] = descriptionBound;
        values[at + 5] = ranking.lastMayBeReciprocal() ? 1 : 0;
        values[at + 6] = 0;
        posts[size] = post;
        siftUp(size++);
    }

    /** Drops every candidate. */
    void clear() {
        Arrays.fill(posts, 0, size, null);
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double highestBound() {
        return values[0];
    }

    /** Scores the highest candidate from its kept parts ({@code ranking.scoreFromParts}) and takes it out. */
    double scoreHighest(ComplementarityModel.Ranking ranking, double threshold) {
        return ranking.scoreFromParts(posts[0], values[1], values[2], values[5] > 0, values[3], values[4], threshold);
    }

    /** Whether the highest candidate's text bound was already refined ({@link #refineHighest}). */
    boolean isHighestRefined() {
        return values[6] > 0;
    }

    /**
     * Tightens the highest candidate's text bound from the terms it shares with the subject
     * ({@code ranking.sharedTermsBound}), lowers its bound to match and puts it back in place: it comes out first
     * again only if it still has the highest bound. Cheaper than the exact score, which also weighs the candidate's
     * terms and looks reciprocity up.
     */
    void refineHighest(ComplementarityModel.Ranking ranking) {
        double descriptionBound = Math.min(values[4], ranking.sharedTermsBound(posts[0]));
        values[4] = descriptionBound;
        values[6] = 1;
        values[0] = ranking.upperBoundFromParts(values[1], values[2], values[5] > 0, values[3], descriptionBound);
        siftDown(0);
    }

    PostFeatures highestPost() {
        return posts[0];
    }

    void removeHighest() {
        size--;
        System.arraycopy(values, size * FIELDS, values, 0, FIELDS);
        posts[0] = posts[size];
        posts[size] = null;
        siftDown(0);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (values[parent * FIELDS] >= values[i * FIELDS]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int larger = right < size && values[right * FIELDS] > values[left * FIELDS] ? right : left;
            if (values[i * FIELDS] >= values[larger * FIELDS]) {
                return;
            }
            swap(i, larger);
            i = larger;
        }
    }

    private void swap(int a, int b) {
        int at = a * FIELDS;
        int bt = b * FIELDS;
        for (int f = 0; f < FIELDS; f++) {
            double value = values[at + f];
            values[at + f] = values[bt + f];
            values[bt + f] = value;
        }
        PostFeatures post = posts[a];
        posts[a] = posts[b];
        posts[b] = post;
    }
}
