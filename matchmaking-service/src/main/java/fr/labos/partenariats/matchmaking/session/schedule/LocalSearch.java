package fr.labos.partenariats.matchmaking.session.schedule;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedPerfectMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Wins back the weight that planning round after round leaves behind: each round to come is matched again, all
 * other rounds fixed, as a maximum-weight perfect matching (Blossom V) of its participants (on large sessions, where
 * that is too slow between two rounds, pairs of its meetings swap partners instead). The round keeps its number
 * of pairs; nobody may drop below the smallest number of meetings, nor sit when that would break "nobody idles twice
 * while another never idles"; wishes rank above weight, so a re-match never loses a wish. A re-match is kept only when
 * it is strictly better, and passes go on until none is.
 */
final class LocalSearch {

    private static final int MAX_PASSES = 8;
    private static final int MAX_SWAP_PASSES = 3;
    /** Up to this many participants a round is matched again as a whole; above, pairs of its meetings swap partners. */
    private static final int REMATCH_UP_TO = 60;
    /** Above this many participants a round's graph keeps, per participant, its best candidate partners. */
    private static final int DENSE_UP_TO = 40;
    private static final int CANDIDATES = 12;

    private final PairTable pairs;
    private final int rounds;
    private final int firstFree;
    /** partner[round][participant] for the scheduler's own meetings, -1 when the participant has none. */
    private final int[][] partner;
    /** Participants busy in a kept or locked meeting of the round. */
    private final boolean[][] fixed;
    /** The round in which two participants meet, 0 when they do not. */
    private final int[][] metIn;
    private final int[] count;

    LocalSearch(PairTable pairs, Plan plan, int rounds, int roundsStarted) {
        this.pairs = pairs;
        this.rounds = rounds;
        this.firstFree = roundsStarted + 1;
        int n = pairs.size;
        partner = new int[rounds + 1][n];
        fixed = new boolean[rounds + 1][n];
        metIn = new int[n][n];
        count = new int[n];
        for (int round = 1; round <= rounds; round++) {
            Arrays.fill(partner[round], -1);
            for (int[] p : plan.pairs(round, false)) record(round, p[0], p[1], true);
            for (int[] p : plan.pairs(round, true)) record(round, p[0], p[1], false);
        }
    }

    private void record(int round, int a, int b, boolean isFixed) {
        for (int v : new int[]{a, b}) {
            if (v < 0) continue;
            count[v]++;
            if (isFixed) fixed[round][v] = true;
        }
        if (a >= 0 && b >= 0) {
            metIn[a][b] = round;
            metIn[b][a] = round;
            if (!isFixed) {
                partner[round][a] = b;
                partner[round][b] = a;
            }
        }
    }

    /** Re-matches the rounds to come until none improves; returns the scheduler's pairs of each round. */
    List<List<int[]>> improve() {
        int passes = pairs.size <= REMATCH_UP_TO ? MAX_PASSES : MAX_SWAP_PASSES;
        for (int pass = 0; pass < passes; pass++) {
            boolean better = false;
            for (int round = firstFree; round <= rounds; round++) {
                better |= pairs.size <= REMATCH_UP_TO ? rematch(round) : swap(round);
            }
            if (!better) break;
        }
        List<List<int[]>> result = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            List<int[]> roundPairs = new ArrayList<>();
            if (round >= firstFree) {
                for (int a = 0; a < pairs.size; a++) {
                    if (partner[round][a] > a) roundPairs.add(new int[]{a, partner[round][a]});
                }
            }
            result.add(roundPairs);
        }
        return result;
    }

    private boolean rematch(int round) {
        int n = pairs.size;
        int least = Arrays.stream(count).min().orElse(0);
        int most = Arrays.stream(count).max().orElse(0);
        // While someone idles twice, nobody may reach every round (if the plan keeps that rule now).
        boolean idleRule = least <= rounds - 2 && most <= rounds - 1;
        List<Integer> free = new ArrayList<>();
        List<int[]> old = new ArrayList<>();
        boolean[] forced = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (fixed[round][v]) continue;
            int others = count[v] - (partner[round][v] >= 0 ? 1 : 0);
            if (idleRule && others >= rounds - 1) continue;
            forced[v] = others < least;
            free.add(v);
            if (partner[round][v] > v) old.add(new int[]{v, partner[round][v]});
        }
        int dummies = free.size() - 2 * old.size();
        if (old.isEmpty() || dummies < 0) return false;
        double oneSided = old.size() + 1;
        double mutual = oneSided * oneSided;
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(), SupplierUtil.createDefaultWeightedEdgeSupplier());
        free.forEach(graph::addVertex);
        boolean dense = free.size() <= DENSE_UP_TO;
        for (int a : free) {
            for (int b : dense ? free : candidates(a, free, round)) {
                if (b == a || graph.containsEdge(a, b) || !mayMeet(a, b, round)) continue;
                double wish = pairs.mutual(a, b) ? mutual : pairs.oneSided(a, b) ? oneSided : 0;
                graph.setEdgeWeight(graph.addEdge(a, b), wish + pairs.weight[a][b] / pairs.maxWeight);
            }
        }
        // Dummies take the participants who idle in this round; nobody forced to sit may idle.
        for (int d = 0; d < dummies; d++) {
            int dummy = n + d;
            graph.addVertex(dummy);
            for (int v : free) if (!forced[v]) graph.setEdgeWeight(graph.addEdge(dummy, v), 0);
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching;
        try {
            matching = new KolmogorovWeightedPerfectMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        } catch (IllegalArgumentException noPerfectMatching) {
            return false;
        }
        List<int[]> chosen = new ArrayList<>();
        for (DefaultWeightedEdge edge : matching.getEdges()) {
            int a = graph.getEdgeSource(edge);
            int b = graph.getEdgeTarget(edge);
            if (a < n && b < n) chosen.add(new int[]{a, b});
        }
        if (chosen.size() != old.size() || compare(score(chosen), score(old)) <= 0) return false;
        for (int[] p : old) unseat(round, p[0], p[1]);
        for (int[] p : chosen) seat(round, p[0], p[1]);
        return true;
    }

    /**
     * Two meetings of the round swap partners, (a, b) (c, d) becoming (a, c) (b, d) or (a, d) (b, c), whenever that
     * meets more wishes or, as many, weighs more: the same participants sit, so fairness is untouched.
     */
    private boolean swap(int round) {
        List<int[]> meetings = new ArrayList<>();
        for (int a = 0; a < pairs.size; a++) {
            if (partner[round][a] > a) meetings.add(new int[]{a, partner[round][a]});
        }
        boolean better = false;
        for (int i = 0; i < meetings.size(); i++) {
            for (int j = i + 1; j < meetings.size(); j++) {
                int[] p = meetings.get(i);
                int[] q = meetings.get(j);
                if (trySwap(round, p[0], p[1], q[0], q[1], i, j, meetings)
                        || trySwap(round, p[0], p[1], q[1], q[0], i, j, meetings)) {
                    better = true;
                }
            }
        }
        return better;
    }

    /** (a, b) (c, d) become (a, c) (b, d) if both pairs may meet and that is strictly better. */
    private boolean trySwap(int round, int a, int b, int c, int d, int i, int j, List<int[]> meetings) {
        if (!fresh(a, c) || !fresh(b, d)) return false;
        int wishNow = wishRank(a, b) + wishRank(c, d);
        int wishThen = wishRank(a, c) + wishRank(b, d);
        double gain = pairs.weight[a][c] + pairs.weight[b][d] - pairs.weight[a][b] - pairs.weight[c][d];
        if (wishThen < wishNow || wishThen == wishNow && gain <= 1e-9) return false;
        unseat(round, a, b);
        unseat(round, c, d);
        seat(round, a, c);
        seat(round, b, d);
        meetings.set(i, new int[]{a, c});
        meetings.set(j, new int[]{b, d});
        return true;
    }

    /** A mutual wish outranks the one-sided wishes of the two meetings a swap touches. */
    private int wishRank(int a, int b) {
        return pairs.mutual(a, b) ? 5 : pairs.oneSided(a, b) ? 1 : 0;
    }

    private boolean fresh(int a, int b) {
        return pairs.allowed[a][b] && metIn[a][b] == 0;
    }

    private boolean mayMeet(int a, int b, int round) {
        return pairs.allowed[a][b] && (metIn[a][b] == 0 || metIn[a][b] == round && partner[round][a] == b);
    }

    /** The participant's best partners still allowed, its wished ones, and its partner of the round. */
    private List<Integer> candidates(int a, List<Integer> free, int round) {
        PriorityQueue<Integer> top = new PriorityQueue<>(Comparator.comparingDouble(b -> pairs.weight[a][b]));
        List<Integer> out = new ArrayList<>();
        for (int b : free) {
            if (b == a || !mayMeet(a, b, round)) continue;
            if (pairs.wishes[a][b] || pairs.wishes[b][a] || partner[round][a] == b) {
                out.add(b);
                continue;
            }
            top.add(b);
            if (top.size() > CANDIDATES) top.poll();
        }
        out.addAll(top);
        return out;
    }

    /** Mutual wishes, one-sided wishes and weight of a round's pairs, in that order. */
    private double[] score(List<int[]> roundPairs) {
        double[] s = new double[3];
        for (int[] p : roundPairs) {
            if (pairs.mutual(p[0], p[1])) s[0]++;
            else if (pairs.oneSided(p[0], p[1])) s[1]++;
            s[2] += pairs.weight[p[0]][p[1]];
        }
        return s;
    }

    private static int compare(double[] x, double[] y) {
        if (x[0] != y[0]) return Double.compare(x[0], y[0]);
        if (x[1] != y[1]) return Double.compare(x[1], y[1]);
        return Math.abs(x[2] - y[2]) < 1e-9 ? 0 : Double.compare(x[2], y[2]);
    }

    private void unseat(int round, int a, int b) {
        partner[round][a] = -1;
        partner[round][b] = -1;
        metIn[a][b] = 0;
        metIn[b][a] = 0;
        count[a]--;
        count[b]--;
    }

    private void seat(int round, int a, int b) {
        partner[round][a] = b;
        partner[round][b] = a;
        metIn[a][b] = round;
        metIn[b][a] = round;
        count[a]++;
        count[b]++;
    }
}
