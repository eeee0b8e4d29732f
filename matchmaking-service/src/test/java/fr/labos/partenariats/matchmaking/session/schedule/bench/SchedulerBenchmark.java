package fr.labos.partenariats.matchmaking.session.schedule.bench;

import fr.labos.partenariats.matchmaking.session.schedule.RandomSessions;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.matchmaking.session.schedule.SchedulingRequest;
import fr.labos.partenariats.matchmaking.session.schedule.SpeedMeetingScheduler;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The scheduler's quality against the exact optimum on random small sessions, and its speed on large ones.
 * Prints a Markdown report. Run with:
 * {@code mvn -pl matchmaking-service test-compile exec:java
 * -Dexec.mainClass=fr.labos.partenariats.matchmaking.session.schedule.bench.SchedulerBenchmark
 * [-Dexec.args="sessions [quality|speed]"]}
 */
public final class SchedulerBenchmark {

    private static final SpeedMeetingScheduler SCHEDULER = new SpeedMeetingScheduler();

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String part = args.length > 1 ? args[1] : "all";
        if (!part.equals("speed")) quality(sessions);
        if (!part.equals("quality")) speed();
    }

    private static void quality(int sessions) {
        System.out.println("## Quality on " + sessions + " random small sessions (10–30 participants, 4–8 rounds), "
                + "against the exact optimum (CP-SAT)");
        System.out.println();
        System.out.println("| seed | participants | rounds | tables | min meetings (optimum) | mutual wishes (optimum) "
                + "| one-sided wishes (optimum) | weight | optimal weight | % of optimum | optimum by | plan ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        int minimumOptimal = 0;
        int wishesOptimal = 0;
        int proven = 0;
        double sumShare = 0;
        double worstShare = Double.MAX_VALUE;
        long worstSeed = 0;
        Random random = new Random(2026);
        for (int s = 0; s < sessions; s++) {
            long seed = random.nextLong();
            int n = 10 + random.nextInt(21);
            int rounds = 4 + random.nextInt(5);
            int tables = random.nextInt(4) == 0 ? Math.max(2, n / 2 - 1 - random.nextInt(3)) : n / 2;
            SchedulingRequest request = RandomSessions.session(seed, n, rounds, tables);
            long start = System.nanoTime();
            ScheduleObjective got = SCHEDULER.plan(request).objective();
            long planMillis = (System.nanoTime() - start) / 1_000_000;
            ExactOptimum.Optimum best = ExactOptimum.of(request);
            if (best.proven()) proven++;
            boolean minimumMet = got.minimumMeetings() == best.minimumMeetings();
            boolean wishesMet = got.mutualWishesMet() == best.mutualWishes()
                    && got.oneSidedWishesMet() == best.oneSidedWishes();
            if (minimumMet) minimumOptimal++;
            if (wishesMet) wishesOptimal++;
            double share = best.totalWeight() == 0 ? 1 : got.totalWeight() / best.totalWeight();
            sumShare += share;
            if (share < worstShare) {
                worstShare = share;
                worstSeed = seed;
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d (%d) | %d (%d) | %d (%d) | %.3f | %.3f "
                            + "| %.1f %% | %s%s | %d |%n",
                    seed, n, rounds, tables, got.minimumMeetings(), best.minimumMeetings(), got.mutualWishesMet(),
                    best.mutualWishes(), got.oneSidedWishesMet(), best.oneSidedWishes(), got.totalWeight(),
                    best.totalWeight(), 100 * share, best.method(), best.proven() ? "" : " (not proven)", planMillis);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Optimum proven by the solver: %d / %d sessions.%n", proven, sessions);
        System.out.printf(Locale.ROOT, "Minimum meetings optimal: %d / %d sessions.%n", minimumOptimal, sessions);
        System.out.printf(Locale.ROOT, "Mutual and one-sided wishes optimal: %d / %d sessions.%n", wishesOptimal,
                sessions);
        System.out.printf(Locale.ROOT, "Total weight over the optimal total weight: mean %.2f %%, worst %.2f %% "
                + "(seed %d).%n%n", 100 * sumShare / sessions, 100 * worstShare, worstSeed);
    }

    private static void speed() {
        System.out.println("## Speed (median of 3 runs after a warm-up)");
        System.out.println();
        time("500 participants × 12 rounds × 250 tables", () -> plan(500, 12, 250));
        SchedulingRequest replan = replanAfterAbsence();
        time("re-plan of rounds 4–12 after an absence, 200 participants × 12 rounds × 100 tables",
                () -> SCHEDULER.plan(replan));
        System.out.println();
        System.out.println("| participants (12 rounds, a table per pair) | plan |");
        System.out.println("|---|---|");
        for (int n : new int[]{50, 100, 200, 500, 1000}) {
            System.out.printf(Locale.ROOT, "| %d | %d ms |%n", n, medianMillis(() -> plan(n, 12, n / 2)));
        }
    }

    /** Rounds 1–3 held, one participant gone: the request that re-plans rounds 4–12 (only that is timed). */
    private static SchedulingRequest replanAfterAbsence() {
        SchedulingRequest first = RandomSessions.session(7, 200, 12, 100);
        List<ScheduledMeeting> held = SCHEDULER.plan(first).meetings().stream().filter(m -> m.round() <= 3).toList();
        List<String> present = new ArrayList<>(first.participants());
        present.remove("actor-17");
        return new SchedulingRequest(present, 12, 100, first.weights(), first.wishes(), first.exclusions(), held, 3);
    }

    private static Schedule plan(int n, int rounds, int tables) {
        return SCHEDULER.plan(RandomSessions.session(n, n, rounds, tables));
    }

    private static void time(String label, Runnable run) {
        System.out.printf(Locale.ROOT, "- %s: %d ms%n", label, medianMillis(run));
    }

    private static long medianMillis(Runnable run) {
        run.run();
        long[] times = new long[3];
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[1];
    }
}
