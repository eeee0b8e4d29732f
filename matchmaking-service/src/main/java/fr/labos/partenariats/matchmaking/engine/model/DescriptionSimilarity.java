package fr.labos.partenariats.matchmaking.engine.model;

/**
 * Closeness of two posts' texts: the cosine of their TF-IDF vectors (sub-linear term frequency × smoothed inverse
 * document frequency of the open posts), in [0, 1]. A shared rare word (« scooters ») counts for more than a shared
 * common one (« projet »).
 *
 * <p>Sums are taken in fixed point (each product rounded to 2<sup>-32</sup>, added as longs): integer addition does
 * not depend on order, so the score of a pair is bit-for-bit the same whatever order the dictionary gave the terms
 * their ids in, i.e. whatever order the posts arrived in. Floating-point sums would differ in the last bit, and a
 * last-bit difference can swap two posts of equal merit.
 */
public final class DescriptionSimilarity {

    private static final double SCALE = 0x1p32;

    private DescriptionSimilarity() {
    }

    /** Squared norm of the weighted vector, in fixed point; cached in the vector per version of the statistics. */
    public static long squaredNorm(TermVector vector, TermStatistics statistics) {
        return vector.squaredNorm(statistics);
    }

    static long computeSquaredNorm(TermVector vector, TermStatistics statistics) {
        int[] terms = vector.terms();
        float[] frequencies = vector.frequencies();
        long sum = 0;
        for (int i = 0; i < terms.length; i++) {
            double weight = frequencies[i] * statistics.idf(terms[i]);
            sum += Math.round(weight * weight * SCALE);
        }
        return sum;
    }

    /** Cosine of two vectors whose squared norms are already known; 0 when either text has no meaningful word. */
    public static double cosine(TermVector a, long squaredNormA, TermVector b, long squaredNormB, TermStatistics statistics) {
        if (squaredNormA == 0 || squaredNormB == 0) {
            return 0;
        }
        int[] ta = a.terms();
        int[] tb = b.terms();
        float[] fa = a.frequencies();
        float[] fb = b.frequencies();
        long dot = 0;
        int i = 0;
        int j = 0;
        while (i < ta.length && j < tb.length) {
            if (ta[i] < tb[j]) {
                i++;
            } else if (ta[i] > tb[j]) {
                j++;
            } else {
                double idf = statistics.idf(ta[i]);
                dot += Math.round(fa[i] * idf * (fb[j] * idf) * SCALE);
                i++;
                j++;
            }
        }
        if (dot == 0) {
            return 0;
        }
        double cosine = dot / Math.sqrt((double) squaredNormA * (double) squaredNormB);
        return Math.min(1.0, cosine);
    }

    /**
     * How much of {@code a}'s squared weight lies in each signature bit: {@code mass[k]} is the sum of
     * {@code (weight / norm)²} over a's terms of bit k (all masses add up to 1). Computed once per ranking.
     */
    public static double[] signatureMass(TermVector a, long squaredNormA, TermStatistics statistics) {
        double[] mass = new double[TermVector.SIGNATURE_BITS];
        if (squaredNormA == 0) {
            return mass;
        }
        int[] terms = a.terms();
        float[] frequencies = a.frequencies();
        double norm = squaredNormA / SCALE;
        for (int i = 0; i < terms.length; i++) {
            double weight = frequencies[i] * statistics.idf(terms[i]);
            mass[terms[i] & (TermVector.SIGNATURE_BITS - 1)] += weight * weight / norm;
        }
        return mass;
    }

    /**
     * An upper bound of {@code cosine(a, b)} from b's signature alone (the {@link TermVector#SIGNATURE_WORDS} words of
     * {@code signaturesB} from {@code offsetB}, so that an index may keep signatures in one flat array). The shared terms T lie in the bits both
     * signatures have, so by Cauchy–Schwarz {@code cos = Σ_T â·b̂ ≤ |â_T| · |b̂_T| ≤ |â_T| ≤ sqrt(Σ mass[k])} over those
     * bits. A small margin covers rounding (the exact cosine is summed in fixed point).
     */
    public static double upperBound(double[] massOfA, long[] signatureA, long[] signaturesB, int offsetB) {
        double sum = 0;
        for (int word = 0; word < TermVector.SIGNATURE_WORDS; word++) {
            for (long bits = signatureA[word] & signaturesB[offsetB + word]; bits != 0; bits &= bits - 1) {
                sum += massOfA[64 * word + Long.numberOfTrailingZeros(bits)];
            }
        }
        return sum == 0 ? 0 : Math.min(1.0, Math.sqrt(sum) + 1e-9);
    }

    /**
     * {@code (weight / norm)²} of each of {@code a}'s terms, in the order of its terms (they add up to 1): what
     * {@link #sharedTermsBound} sums. Computed once per ranking.
     */
    public static double[] termShares(TermVector a, long squaredNormA, TermStatistics statistics) {
        int[] terms = a.terms();
        double[] shares = new double[terms.length];
        if (squaredNormA == 0) {
            return shares;
        }
        float[] frequencies = a.frequencies();
        double norm = squaredNormA / SCALE;
        for (int i = 0; i < terms.length; i++) {
            double weight = frequencies[i] * statistics.idf(terms[i]);
            shares[i] = weight * weight / norm;
        }
        return shares;
    }

    /**
     * An upper bound of {@code cosine(a, b)} from b's term ids alone: with T the terms both have, by Cauchy–Schwarz
     * {@code cos = Σ_T â·b̂ ≤ |â_T| · |b̂_T| ≤ |â_T| = sqrt(Σ_T shares)}. The margin of {@link #upperBound} covers
     * rounding.
     */
    public static double sharedTermsBound(TermVector a, double[] sharesOfA, TermVector b) {
        int[] ta = a.terms();
        int[] tb = b.terms();
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < ta.length && j < tb.length) {
            if (ta[i] < tb[j]) {
                i++;
            } else if (ta[i] > tb[j]) {
                j++;
            } else {
                sum += sharesOfA[i];
                i++;
                j++;
            }
        }
        return sum == 0 ? 0 : Math.min(1.0, Math.sqrt(sum) + 1e-9);
    }

    public static double cosine(TermVector a, TermVector b, TermStatistics statistics) {
        return cosine(a, squaredNorm(a, statistics), b, squaredNorm(b, statistics), statistics);
    }
}
