package fr.labos.partenariats.matchmaking.session.schedule.bench;

import fr.labos.partenariats.matchmaking.session.schedule.Exclusion;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact upper bounds on what any schedule of a session can reach, objective by objective. A schedule that meets a
 * bound is optimal on that objective; its weight over the weight bound is a floor on its share of the optimum.
 *
 * <ul>
 * <li>minimum meetings: no more than the rounds, than the seats of all rounds shared out, nor than anyone's allowed
 * partners;</li>
 * <li>wishes: every wished pair not excluded;</li>
 * <li>weight: the maximum-weight set of allowed pairs in which nobody has more meetings than rounds (a b-matching,
 * solved exactly as a maximum-weight matching of its gadget graph), a relaxation of every schedule.</li>
 * </ul>
 */
record OptimumBounds(int minimumMeetings, int mutualWishes, int oneSidedWishes, double totalWeight) {

    static OptimumBounds of(SchedulingRequest request) {
        List<String> actors = request.participants();
        int n = actors.size();
        Set<String> excluded = new HashSet<>();
        for (Exclusion e : request.exclusions()) excluded.add(key(e.actorId(), e.partnerActorId()));
        int seats = 2 * request.rounds() * Math.min(request.tables(), n / 2);
        int minimum = Math.min(request.rounds(), seats / n);
        for (String a : actors) {
            int partners = (int) actors.stream().filter(b -> !a.equals(b) && !excluded.contains(key(a, b))).count();
            minimum = Math.min(minimum, partners);
        }
        Set<String> wished = new HashSet<>();
        for (Wish w : request.wishes()) wished.add(w.actorId() + "→" + w.wishedActorId());
        int mutual = 0;
        int oneSided = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String a = actors.get(i);
                String b = actors.get(j);
                if (excluded.contains(key(a, b))) continue;
                boolean ab = wished.contains(a + "→" + b);
                boolean ba = wished.contains(b + "→" + a);
                if (ab && ba) mutual++;
                else if (ab || ba) oneSided++;
            }
        }
        return new OptimumBounds(minimum, mutual, oneSided, maximumWeightBMatching(request, excluded));
    }

    /**
     * Each participant becomes {@code rounds} copies; each allowed pair (u, v) of weight w becomes two nodes u', v'
     * with edges copy-of-u–u', u'–v', v'–copy-of-v, all of weight w. A maximum matching there weighs the sum of all
     * w plus the best b-matching: a used pair scores 2w, an unused one w.
     */
    private static double maximumWeightBMatching(SchedulingRequest request, Set<String> excluded) {
        List<String> actors = request.participants();
        int n = actors.size();
        int b = request.rounds();
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(1_000_000), SupplierUtil.createDefaultWeightedEdgeSupplier());
        for (int v = 0; v < n * b; v++) graph.addVertex(v);
        int next = n * b;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double w = request.weights().weight(actors.get(i), actors.get(j));
                if (w <= 0 || excluded.contains(key(actors.get(i), actors.get(j)))) continue;
                int ui = next++;
                int vj = next++;
                graph.addVertex(ui);
                graph.addVertex(vj);
                graph.setEdgeWeight(graph.addEdge(ui, vj), w);
                for (int c = 0; c < b; c++) {
                    graph.setEdgeWeight(graph.addEdge(i * b + c, ui), w);
                    graph.setEdgeWeight(graph.addEdge(j * b + c, vj), w);
                }
                sum += w;
            }
        }
        double matched = new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching().getWeight();
        return matched - sum;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
