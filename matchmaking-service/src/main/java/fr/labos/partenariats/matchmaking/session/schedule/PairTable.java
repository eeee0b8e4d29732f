package fr.labos.partenariats.matchmaking.session.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request by participant index: pair weights, wishes and allowed pairs as matrices, so that the per-round
 * matchings look them up in constant time.
 */
final class PairTable {

    final List<String> actors;
    final int size;
    final double[][] weight;
    final boolean[][] wishes;
    final boolean[][] allowed;
    final double maxWeight;
    private final Map<String, Integer> index = new HashMap<>();

    PairTable(SchedulingRequest request) {
        actors = request.participants();
        size = actors.size();
        for (int i = 0; i < size; i++) index.put(actors.get(i), i);
        weight = new double[size][size];
        wishes = new boolean[size][size];
        allowed = new boolean[size][size];
        double max = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                double w = Math.max(0, request.weights().weight(actors.get(i), actors.get(j)));
                weight[i][j] = w;
                weight[j][i] = w;
                allowed[i][j] = true;
                allowed[j][i] = true;
                max = Math.max(max, w);
            }
        }
        maxWeight = max == 0 ? 1 : max;
        for (Wish wish : request.wishes()) {
            Integer from = index.get(wish.actorId());
            Integer to = index.get(wish.wishedActorId());
            if (from != null && to != null && !from.equals(to)) wishes[from][to] = true;
        }
        for (Exclusion exclusion : request.exclusions()) {
            Integer a = index.get(exclusion.actorId());
            Integer b = index.get(exclusion.partnerActorId());
            if (a != null && b != null) {
                allowed[a][b] = false;
                allowed[b][a] = false;
            }
        }
    }

    /** The participant's index, or -1 when it is not among the participants. */
    int indexOf(String actor) {
        Integer i = index.get(actor);
        return i == null ? -1 : i;
    }

    boolean mutual(int a, int b) {
        return wishes[a][b] && wishes[b][a];
    }

    boolean oneSided(int a, int b) {
        return wishes[a][b] ^ wishes[b][a];
    }
}
