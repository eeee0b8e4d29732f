package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Plans the rounds of a speed-meeting session, one round after the other, each as a maximum-weight matching
 * (Blossom V) whose weights encode the objective in its order: seat as many participants as the tables allow, first
 * those who met least so far (fairness), then mutual wishes, one-sided wishes, then the pairs' weight. Pairs that met,
 * will meet in a kept meeting, or are excluded never get an edge, so the hard constraints hold by construction.
 * A {@link LocalSearch} then matches each round to come again, the others fixed, while that wins weight.
 */
public class SpeedMeetingScheduler {

    /** Seating one more pair outweighs any reshuffle of priorities, wishes and weights among the others. */
    private static final double SEAT = 1_000_000;
    /** Per meeting a participant is behind the best served: those who met least are seated first. */
    private static final double FAIRNESS = 10_000;
    private static final double MUTUAL_WISH = 400;
    private static final double ONE_SIDED_WISH = 20;
    /** Above this many participants a round's graph keeps, per participant, only its best candidate partners. */
    private static final int DENSE_UP_TO = 40;
    private static final int CANDIDATES = 12;
    private static final int RESTARTS_UP_TO = 40;
    private static final int RESTARTS = 6;

    /** Plans every round not started, keeping the kept meetings. */
    public Schedule plan(SchedulingRequest request) {
        PairTable pairs = new PairTable(request);
        // When tables are short, who idles when shapes what the rounds can reach: small sessions try a few orders.
        boolean shortTables = 2 * request.tables() < pairs.size;
        int orders = shortTables && pairs.size <= RESTARTS_UP_TO ? RESTARTS : 1;
        Schedule best = null;
        for (int order = 0; order < orders; order++) {
            Schedule schedule = plan(request, pairs, rotation(pairs.size, order));
            if (best == null || better(schedule.objective(), best.objective())) best = schedule;
        }
        return best;
    }

    /** The order in which equals take turns to idle: as registered first, then seeded shuffles. */
    private static int[] rotation(int size, int order) {
        List<Integer> ranks = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        if (order > 0) Collections.shuffle(ranks, new Random(order));
        return ranks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lexicographically: minimum meetings, mutual wishes, one-sided wishes, total weight. */
    private static boolean better(ScheduleObjective x, ScheduleObjective y) {
        if (x.minimumMeetings() != y.minimumMeetings()) return x.minimumMeetings() > y.minimumMeetings();
        if (x.mutualWishesMet() != y.mutualWishesMet()) return x.mutualWishesMet() > y.mutualWishesMet();
        if (x.oneSidedWishesMet() != y.oneSidedWishesMet()) return x.oneSidedWishesMet() > y.oneSidedWishesMet();
        return x.totalWeight() > y.totalWeight() + 1e-9;
    }

    private Schedule plan(SchedulingRequest request, PairTable pairs, int[] rotation) {
        Plan plan = new Plan(pairs, request.rounds());
        keep(request, pairs, plan);
        for (int round = request.roundsStarted() + 1; round <= request.rounds(); round++) {
            planRound(round, request.tables(), pairs, plan, rotation);
        }
        List<List<int[]>> improved = new LocalSearch(pairs, plan, request.rounds(), request.roundsStarted()).improve();
        Plan better = new Plan(pairs, request.rounds());
        keep(request, pairs, better);
        for (int round = request.roundsStarted() + 1; round <= request.rounds(); round++) {
            for (int[] pair : improved.get(round)) {
                better.seat(round, better.freeTable(round, request.tables()), pair[0], pair[1], false);
            }
        }
        List<ScheduledMeeting> meetings = better.meetings(request.weights());
        return new Schedule(meetings, Objectives.of(meetings, pairs));
    }

    /** Kept meetings stay in their round; those of rounds to come move table only when theirs was lost. */
    private static void keep(SchedulingRequest request, PairTable pairs, Plan plan) {
        List<ScheduledMeeting> toReseat = new ArrayList<>();
        for (ScheduledMeeting meeting : request.kept()) {
            boolean started = meeting.round() <= request.roundsStarted();
            int a = pairs.indexOf(meeting.actorId());
            int b = pairs.indexOf(meeting.partnerActorId());
            if (started) {
                plan.keepStarted(meeting, a, b);
            } else if (a >= 0 && b >= 0 && meeting.round() <= request.rounds()) {
                if (meeting.table() <= request.tables() && plan.tableFree(meeting.round(), meeting.table())) {
                    plan.seat(meeting.round(), meeting.table(), a, b, true);
                } else {
                    toReseat.add(meeting);
                }
            }
        }
        for (ScheduledMeeting meeting : toReseat) {
            int table = plan.freeTable(meeting.round(), request.tables());
            if (table > 0) {
                plan.seat(meeting.round(), table, pairs.indexOf(meeting.actorId()),
                        pairs.indexOf(meeting.partnerActorId()), true);
            }
        }
    }

    /**
     * When tables are short, those who met least take the seats (nobody idles twice while another never idles);
     * the others join only if the seated ones cannot all be paired.
     */
    private static void planRound(int round, int tables, PairTable pairs, Plan plan, int[] rotation) {
        BitSet busy = plan.busy(round);
        List<Integer> free = new ArrayList<>(
                IntStream.range(0, pairs.size).filter(i -> !busy.get(i)).boxed().toList());
        int capacity = tables - plan.seatedPairs(round);
        if (capacity <= 0 || free.size() < 2) return;
        // Fewest meetings first; among equals, a rotation so that idling moves round after round.
        free.sort(Comparator.<Integer>comparingInt(plan::meetingsOf)
                .thenComparingInt(i -> Math.floorMod(rotation[i] - round * 2 * capacity, pairs.size)));
        List<Integer> first = free.subList(0, Math.min(free.size(), 2 * capacity));
        int seated = seatMatching(round, tables, capacity, first, pairs, plan);
        if (seated < capacity) {
            List<Integer> rest = free.stream().filter(i -> !plan.busy(round).get(i)).toList();
            seatMatching(round, tables, capacity - seated, rest, pairs, plan);
        }
    }

    private static int seatMatching(int round, int tables, int capacity, List<Integer> participants, PairTable pairs,
                                    Plan plan) {
        if (participants.size() < 2) return 0;
        int best = participants.stream().mapToInt(plan::meetingsOf).max().orElse(0);
        // Blossom V adds vertices of its own to find a matching that need not be perfect: they take ids above ours.
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(
                SupplierUtil.createIntegerSupplier(pairs.size), SupplierUtil.createDefaultWeightedEdgeSupplier());
        participants.forEach(graph::addVertex);
        boolean dense = participants.size() <= DENSE_UP_TO;
        for (int x = 0; x < participants.size(); x++) {
            int a = participants.get(x);
            if (dense) {
                for (int y = x + 1; y < participants.size(); y++) {
                    addEdge(graph, a, participants.get(y), best, pairs, plan);
                }
            } else {
                for (int b : bestCandidates(a, participants, best, pairs, plan)) {
                    addEdge(graph, a, b, best, pairs, plan);
                }
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching();
        List<DefaultWeightedEdge> chosen = new ArrayList<>(matching.getEdges());
        // The matching comes as a hash set of edges hashed by identity: pairs of equal weight (many, where neither side
        // wished the other) would otherwise take the seats and tables in an order that changes from run to run, and the
        // same session give another plan on another instance or at the next generation.
        chosen.sort(Comparator.comparingDouble(graph::getEdgeWeight).reversed()
                .thenComparingInt(edge -> Math.min(graph.getEdgeSource(edge), graph.getEdgeTarget(edge)))
                .thenComparingInt(edge -> Math.max(graph.getEdgeSource(edge), graph.getEdgeTarget(edge))));
        List<DefaultWeightedEdge> kept = chosen.subList(0, Math.min(capacity, chosen.size()));
        for (DefaultWeightedEdge edge : kept) {
            plan.seat(round, plan.freeTable(round, tables), graph.getEdgeSource(edge), graph.getEdgeTarget(edge),
                    false);
        }
        return kept.size();
    }

    private static void addEdge(Graph<Integer, DefaultWeightedEdge> graph, int a, int b, int best, PairTable pairs,
                                Plan plan) {
        if (!plan.mayMeet(a, b) || graph.containsEdge(a, b)) return;
        graph.setEdgeWeight(graph.addEdge(a, b), shapedWeight(a, b, best, pairs, plan));
    }

    /** The objective in its order, as one weight: seating, fairness, mutual wish, one-sided wish, pair weight. */
    static double shapedWeight(int a, int b, int best, PairTable pairs, Plan plan) {
        double fairness = FAIRNESS * ((best - plan.meetingsOf(a)) + (best - plan.meetingsOf(b)));
        double wish = pairs.mutual(a, b) ? MUTUAL_WISH : pairs.oneSided(a, b) ? ONE_SIDED_WISH : 0;
        return SEAT + fairness + wish + pairs.weight[a][b] / pairs.maxWeight;
    }

    /** The participant's best partners still allowed, plus every partner it wishes or is wished by. */
    private static List<Integer> bestCandidates(int a, List<Integer> free, int best, PairTable pairs, Plan plan) {
        TreeSet<double[]> top = new TreeSet<>(
                Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        List<Integer> candidates = new ArrayList<>();
        for (int b : free) {
            if (b == a || !plan.mayMeet(a, b)) continue;
            if (pairs.wishes[a][b] || pairs.wishes[b][a]) {
                candidates.add(b);
                continue;
            }
            top.add(new double[]{shapedWeight(a, b, best, pairs, plan), b});
            if (top.size() > CANDIDATES) top.pollFirst();
        }
        top.forEach(e -> candidates.add((int) e[1]));
        return candidates;
    }

    /** Kept as a reason on the meeting: why these two sit together. */
    static MeetingReason reasonFor(int a, int b, PairTable pairs) {
        if (pairs.mutual(a, b)) return MeetingReason.MUTUAL_WISH;
        if (pairs.oneSided(a, b)) return MeetingReason.WISH;
        return MeetingReason.COMPLEMENTARITY;
    }
}
