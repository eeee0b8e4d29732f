package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k best candidates seen so far, by score then by post id (the tie-break that makes rankings repeatable), in a
 * bounded heap whose root is the worst kept: {@link #threshold()} is what a new candidate must reach to enter.
 */
final class TopK {

    /** With the text component the score was made of, so that the explanation need not compute it again. */
    record Scored(PostFeatures post, double score, double description) {
    }

    /** Best first: higher score, then lower id. */
    static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(scored -> scored.post().id());

    private final int k;
    private final PriorityQueue<Scored> worstFirst;

    TopK(int k) {
        this.k = Math.max(0, k);
        this.worstFirst = new PriorityQueue<>(Math.max(1, this.k), BEST_FIRST.reversed());
    }

    /** The score a candidate must at least have to be kept; minus infinity while fewer than k are kept. */
    double threshold() {
        if (k == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return worstFirst.size() < k ? Double.NEGATIVE_INFINITY : worstFirst.peek().score();
    }

    void offer(PostFeatures post, double score, double description) {
        if (k == 0) {
            return;
        }
        Scored candidate = new Scored(post, score, description);
        if (worstFirst.size() < k) {
            worstFirst.add(candidate);
        } else if (BEST_FIRST.compare(candidate, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(candidate);
        }
    }

    /** What was kept, best first. */
    List<Scored> best() {
        List<Scored> best = new ArrayList<>(worstFirst);
        best.sort(BEST_FIRST);
        return best;
    }
}
