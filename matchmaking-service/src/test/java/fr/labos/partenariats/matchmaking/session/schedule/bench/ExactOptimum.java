package fr.labos.partenariats.matchmaking.session.schedule.bench;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import fr.labos.partenariats.matchmaking.session.schedule.Exclusion;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact optimum of a first plan, objective after objective as the scheduler ranks them, computed with CP-SAT
 * (OR-Tools): the largest minimum of meetings; then, with that minimum and the rule that nobody idles twice while
 * another never idles, the most mutual wishes; then the most one-sided wishes; then the largest total weight.
 *
 * <p>Rounds are interchangeable in a first plan, so the solver first chooses the set of pairs only (at most one
 * meeting per round for each participant: no more than {@code rounds} meetings each, and no more pairs than the
 * seats of all rounds). That is a relaxation; its optimum is the true one as soon as its pairs can be shared out
 * into the rounds, one meeting per participant per round and no more pairs than tables per round (an edge colouring
 * with classes of at most {@code tables} pairs, also solved with CP-SAT). When they cannot, the whole model with one
 * variable per pair and round is solved instead.
 */
final class ExactOptimum {

    /** Weights are compared in thousandths, the precision of the benchmark's weights. */
    private static final double SCALE = 1000;
    private static final double SECONDS_PER_SOLVE = 120;

    /** The optimum; {@code proven} is false when the solver stopped on its time limit before proving it. */
    record Optimum(int minimumMeetings, int mutualWishes, int oneSidedWishes, double totalWeight, boolean proven,
                   String method) {
    }

    private final int n;
    private final int rounds;
    private final int tables;
    private final List<int[]> pairs = new ArrayList<>();
    private final List<Long> weights = new ArrayList<>();
    private final List<Boolean> mutual = new ArrayList<>();
    private final List<Boolean> oneSided = new ArrayList<>();

    static {
        Loader.loadNativeLibraries();
    }

    private ExactOptimum(SchedulingRequest request) {
        List<String> actors = request.participants();
        n = actors.size();
        rounds = request.rounds();
        tables = Math.min(request.tables(), n / 2);
        Set<String> excluded = new HashSet<>();
        for (Exclusion e : request.exclusions()) {
            excluded.add(e.actorId() + "|" + e.partnerActorId());
            excluded.add(e.partnerActorId() + "|" + e.actorId());
        }
        Set<String> wished = new HashSet<>();
        for (Wish w : request.wishes()) wished.add(w.actorId() + "|" + w.wishedActorId());
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String a = actors.get(i);
                String b = actors.get(j);
                if (excluded.contains(a + "|" + b)) continue;
                pairs.add(new int[]{i, j});
                weights.add(Math.round(SCALE * Math.max(0, request.weights().weight(a, b))));
                boolean ab = wished.contains(a + "|" + b);
                boolean ba = wished.contains(b + "|" + a);
                mutual.add(ab && ba);
                oneSided.add(ab ^ ba);
            }
        }
    }

    static Optimum of(SchedulingRequest request) {
        if (request.roundsStarted() != 0 || !request.kept().isEmpty()) {
            throw new IllegalArgumentException("the exact optimum is computed for first plans only");
        }
        ExactOptimum problem = new ExactOptimum(request);
        Stages relaxed = problem.solveStages(false);
        if (relaxed.proven && problem.colourable(relaxed.chosen)) {
            return relaxed.optimum("pairs, then rounds");
        }
        return problem.solveStages(true).optimum("pairs × rounds");
    }

    /** The optimum of each objective in turn, and the pairs of the last solution. */
    private record Stages(int minimum, int mutual, int oneSided, long weight, boolean proven, List<Integer> chosen) {
        Optimum optimum(String method) {
            return new Optimum(minimum, mutual, oneSided, weight / SCALE, proven, method);
        }
    }

    private Stages solveStages(boolean withRounds) {
        boolean proven = true;
        Solved s1 = solve(withRounds, Stage.MINIMUM, -1, false, -1, -1);
        proven &= s1.optimal;
        int minimum = (int) s1.value;
        // Nobody idles twice while another never idles: when someone has at most rounds - 2 meetings, nobody has all.
        boolean idleRule = minimum <= rounds - 2;
        Solved s2 = solve(withRounds, Stage.MUTUAL, minimum, idleRule, -1, -1);
        if (s2.status == CpSolverStatus.INFEASIBLE) {
            idleRule = false;
            s2 = solve(withRounds, Stage.MUTUAL, minimum, false, -1, -1);
        }
        proven &= s2.optimal;
        Solved s3 = solve(withRounds, Stage.ONE_SIDED, minimum, idleRule, (int) s2.value, -1);
        proven &= s3.optimal;
        Solved s4 = solve(withRounds, Stage.WEIGHT, minimum, idleRule, (int) s2.value, (int) s3.value);
        proven &= s4.optimal;
        return new Stages(minimum, (int) s2.value, (int) s3.value, s4.value, proven, s4.chosen);
    }

    private enum Stage { MINIMUM, MUTUAL, ONE_SIDED, WEIGHT }

    private record Solved(CpSolverStatus status, boolean optimal, long value, List<Integer> chosen) {
    }

    private Solved solve(boolean withRounds, Stage stage, int minimum, boolean idleRule, int mutualAtLeast,
                         int oneSidedAtLeast) {
        CpModel model = new CpModel();
        int m = pairs.size();
        BoolVar[] used = new BoolVar[m];
        for (int e = 0; e < m; e++) used[e] = model.newBoolVar("pair" + e);
        if (withRounds) {
            BoolVar[][] at = new BoolVar[m][rounds];
            for (int e = 0; e < m; e++) {
                for (int r = 0; r < rounds; r++) at[e][r] = model.newBoolVar("pair" + e + "round" + r);
                model.addEquality(LinearExpr.sum(at[e]), used[e]);
            }
            for (int r = 0; r < rounds; r++) {
                LinearExprBuilder seated = LinearExpr.newBuilder();
                List<List<Literal>> byParticipant = new ArrayList<>();
                for (int v = 0; v < n; v++) byParticipant.add(new ArrayList<>());
                for (int e = 0; e < m; e++) {
                    seated.add(at[e][r]);
                    byParticipant.get(pairs.get(e)[0]).add(at[e][r]);
                    byParticipant.get(pairs.get(e)[1]).add(at[e][r]);
                }
                model.addLessOrEqual(seated, tables);
                for (List<Literal> own : byParticipant) model.addAtMostOne(own);
            }
        }
        List<LinearExprBuilder> degree = new ArrayList<>();
        for (int v = 0; v < n; v++) degree.add(LinearExpr.newBuilder());
        LinearExprBuilder all = LinearExpr.newBuilder();
        LinearExprBuilder mutualMet = LinearExpr.newBuilder();
        LinearExprBuilder oneSidedMet = LinearExpr.newBuilder();
        LinearExprBuilder weight = LinearExpr.newBuilder();
        for (int e = 0; e < m; e++) {
            degree.get(pairs.get(e)[0]).add(used[e]);
            degree.get(pairs.get(e)[1]).add(used[e]);
            all.add(used[e]);
            if (mutual.get(e)) mutualMet.add(used[e]);
            if (oneSided.get(e)) oneSidedMet.add(used[e]);
            weight.addTerm(used[e], weights.get(e));
        }
        model.addLessOrEqual(all, (long) rounds * tables);
        IntVar least = model.newIntVar(0, rounds, "minimum");
        for (LinearExprBuilder d : degree) {
            model.addLessOrEqual(d, idleRule ? rounds - 1 : rounds);
            model.addGreaterOrEqual(d, least);
        }
        if (minimum >= 0) model.addGreaterOrEqual(least, minimum);
        if (mutualAtLeast >= 0) model.addGreaterOrEqual(mutualMet, mutualAtLeast);
        if (oneSidedAtLeast >= 0) model.addGreaterOrEqual(oneSidedMet, oneSidedAtLeast);
        switch (stage) {
            case MINIMUM -> model.maximize(least);
            case MUTUAL -> model.maximize(mutualMet);
            case ONE_SIDED -> model.maximize(oneSidedMet);
            case WEIGHT -> model.maximize(weight);
        }
        CpSolver solver = solver();
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Solved(status, false, -1, List.of());
        }
        List<Integer> chosen = new ArrayList<>();
        for (int e = 0; e < m; e++) if (solver.booleanValue(used[e])) chosen.add(e);
        return new Solved(status, status == CpSolverStatus.OPTIMAL, Math.round(solver.objectiveValue()), chosen);
    }

    /**
     * Whether these pairs fit in the rounds: each pair in one round, nobody twice in a round, at most {@code tables}
     * pairs per round.
     */
    private boolean colourable(List<Integer> chosen) {
        CpModel model = new CpModel();
        BoolVar[][] at = new BoolVar[chosen.size()][rounds];
        List<List<Literal>>[] byRound = new List[rounds];
        for (int r = 0; r < rounds; r++) {
            byRound[r] = new ArrayList<>();
            for (int v = 0; v < n; v++) byRound[r].add(new ArrayList<>());
        }
        for (int k = 0; k < chosen.size(); k++) {
            int[] pair = pairs.get(chosen.get(k));
            for (int r = 0; r < rounds; r++) {
                at[k][r] = model.newBoolVar("c" + k + "_" + r);
                byRound[r].get(pair[0]).add(at[k][r]);
                byRound[r].get(pair[1]).add(at[k][r]);
            }
            model.addExactlyOne(at[k]);
        }
        for (int r = 0; r < rounds; r++) {
            LinearExprBuilder size = LinearExpr.newBuilder();
            for (BoolVar[] pair : at) size.add(pair[r]);
            model.addLessOrEqual(size, tables);
            for (List<Literal> own : byRound[r]) if (own.size() > 1) model.addAtMostOne(own);
        }
        CpSolverStatus status = solver().solve(model);
        if (status == CpSolverStatus.UNKNOWN || status == CpSolverStatus.MODEL_INVALID) {
            return false;
        }
        return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    }

    private static CpSolver solver() {
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(SECONDS_PER_SOLVE);
        solver.getParameters().setNumWorkers(2);
        return solver;
    }
}
