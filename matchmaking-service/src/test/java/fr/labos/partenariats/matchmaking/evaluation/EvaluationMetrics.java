package fr.labos.partenariats.matchmaking.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranking-quality measures over ranked id lists, as pure functions, plus an {@link #evaluate} helper that applies
 * them to the queries of a {@link LabelledPairs} set.
 *
 * <p>Conventions: ranks start at 1; an id repeated in a ranking counts at its first position only; a ranking shorter
 * than {@code k} is not padded, so precision@k still divides by {@code k} (returning fewer answers is not rewarded).
 */
public final class EvaluationMetrics {

    private EvaluationMetrics() {
    }

    /** Share of the first {@code k} slots that hold a relevant id. */
    public static double precisionAtK(List<String> ranked, Set<String> relevant, int k) {
        requirePositive(k);
        return (double) hitsAtK(ranked, relevant, k) / k;
    }

    /**
     * Share of the relevant ids found in the first {@code k} slots.
     *
     * @throws IllegalArgumentException if there is no relevant id (recall is undefined)
     */
    public static double recallAtK(List<String> ranked, Set<String> relevant, int k) {
        requirePositive(k);
        requireSomeRelevant(relevant);
        return (double) hitsAtK(ranked, relevant, k) / relevant.size();
    }

    /** 1 / rank of the first relevant id, 0 if none is ranked. */
    public static double reciprocalRank(List<String> ranked, Set<String> relevant) {
        List<String> distinct = distinct(ranked);
        for (int i = 0; i < distinct.size(); i++) {
            if (relevant.contains(distinct.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Mean of {@link #reciprocalRank} over queries given as parallel lists. */
    public static double meanReciprocalRank(List<List<String>> rankings, List<Set<String>> relevant) {
        if (rankings.size() != relevant.size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings for " + relevant.size() + " relevant sets");
        }
        List<Double> ranks = new ArrayList<>(rankings.size());
        for (int i = 0; i < rankings.size(); i++) {
            ranks.add(reciprocalRank(rankings.get(i), relevant.get(i)));
        }
        return mean(ranks);
    }

    /**
     * Normalised discounted cumulative gain at {@code k} with graded relevance: gain (2^grade − 1) discounted by
     * log2(rank + 1), divided by the gain of the ideal ordering of the grades. Ids absent from {@code grades} have
     * grade 0.
     *
     * @throws IllegalArgumentException if no id has a positive grade (the ideal gain would be 0)
     */
    public static double ndcgAtK(List<String> ranked, Map<String, Integer> grades, int k) {
        requirePositive(k);
        List<String> distinct = distinct(ranked);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, distinct.size()); i++) {
            dcg += gain(grades.getOrDefault(distinct.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> Integer.compare(b, a)).toList();
        if (ideal.isEmpty()) {
            throw new IllegalArgumentException("nDCG needs at least one id of positive grade");
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return dcg / idcg;
    }

    /** 1 if any relevant id is in the first {@code k} slots, else 0 (success@k, hit rate). */
    public static double successAtK(List<String> ranked, Set<String> relevant, int k) {
        requirePositive(k);
        return hitsAtK(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** How many of the given ids (e.g. distractors) sit in the first {@code k} slots. */
    public static int countInTopK(List<String> ranked, Set<String> ids, int k) {
        requirePositive(k);
        return hitsAtK(ranked, ids, k);
    }

    /** Arithmetic mean; 0 for no values. */
    public static double mean(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(0);
    }

    /** The measures of one query's ranking. */
    public record QueryResult(String needId, List<String> ranked, double precisionAtK, double recallAtK,
                              double reciprocalRank, double ndcgAtK, boolean success, int distractorsInTopK,
                              int forbiddenProposed) {
    }

    /**
     * Macro-averaged measures over a set of queries: the mean of each per-query measure; {@code distractorsInTopK} is
     * the mean count of distractors in the first k, {@code forbiddenProposed} the total number of never-to-propose
     * distractors (wrong category, expired, same actor) found anywhere in the rankings.
     */
    public record Report(int k, int queries, double precisionAtK, double recallAtK, double meanReciprocalRank,
                         double ndcgAtK, double successAtK, double distractorsInTopK, int forbiddenProposed,
                         List<QueryResult> perQuery) {

        /** One line for a console, e.g. for the quality command or an ablation table. */
        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "queries=%d P@%d=%.3f R@%d=%.3f MRR=%.3f nDCG@%d=%.3f success@%d=%.3f distractors@%d=%.2f forbidden=%d",
                    queries, k, precisionAtK, k, recallAtK, meanReciprocalRank, k, ndcgAtK, k, successAtK, k,
                    distractorsInTopK, forbiddenProposed);
        }
    }

    /**
     * Runs {@code ranker} on every query and measures its rankings.
     *
     * @param ranker gives, for a query, the offer ids proposed for its need, best first
     */
    public static Report evaluate(List<LabelledPairs.Query> queries, Function<LabelledPairs.Query, List<String>> ranker, int k) {
        requirePositive(k);
        Objects.requireNonNull(ranker, "ranker");
        List<QueryResult> results = new ArrayList<>(queries.size());
        for (LabelledPairs.Query query : queries) {
            List<String> ranked = List.copyOf(ranker.apply(query));
            Set<String> relevant = query.relevantOfferIds();
            Set<String> forbidden = query.forbiddenOfferIds();
            int forbiddenProposed = (int) distinct(ranked).stream().filter(forbidden::contains).count();
            results.add(new QueryResult(query.needId(), ranked, precisionAtK(ranked, relevant, k), recallAtK(ranked, relevant, k),
                    reciprocalRank(ranked, relevant), ndcgAtK(ranked, query.grades(), k), successAtK(ranked, relevant, k) > 0,
                    countInTopK(ranked, query.distractorOfferIds(), k), forbiddenProposed));
        }
        return new Report(k, results.size(),
                mean(results.stream().map(QueryResult::precisionAtK).toList()),
                mean(results.stream().map(QueryResult::recallAtK).toList()),
                mean(results.stream().map(QueryResult::reciprocalRank).toList()),
                mean(results.stream().map(QueryResult::ndcgAtK).toList()),
                mean(results.stream().map(r -> r.success() ? 1 : 0).toList()),
                mean(results.stream().map(QueryResult::distractorsInTopK).toList()),
                results.stream().mapToInt(QueryResult::forbiddenProposed).sum(),
                List.copyOf(results));
    }

    private static int hitsAtK(List<String> ranked, Set<String> ids, int k) {
        List<String> distinct = distinct(ranked);
        int hits = 0;
        for (int i = 0; i < Math.min(k, distinct.size()); i++) {
            if (ids.contains(distinct.get(i))) {
                hits++;
            }
        }
        return hits;
    }

    private static List<String> distinct(List<String> ranked) {
        Set<String> seen = new HashSet<>();
        List<String> distinct = new ArrayList<>(ranked.size());
        for (String id : ranked) {
            if (seen.add(id)) {
                distinct.add(id);
            }
        }
        return distinct;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void requirePositive(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, not " + k);
        }
    }

    private static void requireSomeRelevant(Set<String> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("recall is undefined without relevant ids");
        }
    }
}
