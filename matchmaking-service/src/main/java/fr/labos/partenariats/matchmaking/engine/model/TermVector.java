package fr.labos.partenariats.matchmaking.engine.model;

import java.util.Arrays;
import java.util.Map;

/**
 * A post's text as the model compares it: term ids (given by the index's dictionary), ascending, each with its
 * sub-linear term frequency {@code 1 + ln(count)}, so that a word repeated ten times does not drown the others. The
 * inverse document frequency is applied at query time ({@link TermStatistics}), because it changes as posts come and
 * go; the vector's norm under the current IDF is cached, tagged with the statistics' version, since many rankings
 * run between two changes of the corpus.
 */
public final class TermVector {

    public static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

    /**
     * Terms fall into the signature's bits by their id ({@code id & (SIGNATURE_BITS - 1)}); see {@link #signature()}.
     * 512 rather than 128: with a vocabulary of thousands of stems, a quarter as many unrelated terms share a bit, so
     * the signature bound of the text lets fewer candidates through to be opened (measured in BENCHMARKS.md).
     */
    public static final int SIGNATURE_WORDS = 8;
    public static final int SIGNATURE_BITS = 64 * SIGNATURE_WORDS;

    private final int[] terms;
    private final float[] frequencies;
    /** Replaced whole, never mutated: readers racing under the index's read lock see a consistent pair or none. */
    private volatile CachedNorm norm;

    private record CachedNorm(long version, long squaredNorm) {
    }

    public TermVector(int[] terms, float[] frequencies) {
        if (terms.length != frequencies.length) {
            throw new IllegalArgumentException("one frequency per term");
        }
        for (int i = 1; i < terms.length; i++) {
            if (terms[i] <= terms[i - 1]) {
                throw new IllegalArgumentException("term ids must be strictly ascending");
            }
        }
        this.terms = terms;
        this.frequencies = frequencies;
    }

    /**
     * The vector's signature, {@link #SIGNATURE_WORDS} words of bits: bit {@code id & (SIGNATURE_BITS - 1)} is set for
     * each of its terms (word {@code bit / 64}). Two vectors whose signatures share no bit share no term; more
     * usefully, the terms they share are among those whose bits both have, which bounds their cosine without comparing
     * the terms ({@link DescriptionSimilarity#upperBound}). Computed on each call rather than held: the index keeps
     * its copy in its blocks' flat arrays, and a ranking takes its subject's once, so 64 bytes per post are saved.
     */
    public long[] signature() {
        long[] signature = new long[SIGNATURE_WORDS];
        for (int term : terms) {
            int bit = term & (SIGNATURE_BITS - 1);
            signature[bit >>> 6] |= 1L << bit;
        }
        return signature;
    }

    /** From term id → count. */
    public static TermVector of(Map<Integer, Integer> counts) {
        if (counts.isEmpty()) {
            return EMPTY;
        }
        int[] terms = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] frequencies = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            frequencies[i] = (float) (1 + StrictMath.log(counts.get(terms[i])));
        }
        return new TermVector(terms, frequencies);
    }

    public int[] terms() {
        return terms;
    }

    public float[] frequencies() {
        return frequencies;
    }

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** The squared norm under these statistics, computed once per version of them. */
    long squaredNorm(TermStatistics statistics) {
        CachedNorm cached = norm;
        long version = statistics.version();
        if (cached != null && cached.version() == version && version >= 0) {
            return cached.squaredNorm();
        }
        long computed = DescriptionSimilarity.computeSquaredNorm(this, statistics);
        norm = new CachedNorm(version, computed);
        return computed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermVector v && Arrays.equals(terms, v.terms) && Arrays.equals(frequencies, v.frequencies);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(frequencies);
    }

    @Override
    public String toString() {
        return "TermVector" + Arrays.toString(terms);
    }
}
