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
 * The scheduler's quality against exact bounds of the optimum on random small sessions, and its speed on large ones.
 * Prints a Markdown report. Run with:
 * {@code mvn -pl matchmaking-service test-compile exec:java
 * -Dexec.mainClass=fr.labos.partenariats.matchmaking.session.schedule.bench.SchedulerBenchmark}
 */
public final class SchedulerBenchmark {

    private static final SpeedMeetingScheduler SCHEDULER = new SpeedMeetingScheduler();

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        quality(sessions);
        speed();
    }

    private static void quality(int sessions) {
        System.out.println("## Quality on " + sessions + " random small sessions (10–30 participants, 4–8 rounds)");
        System.out.println();
        System.out.println("| seed | participants | rounds | tables | min meetings (bound) | mutual wishes (bound) "
                + "| one-sided wishes (bound) | weight | weight bound | % of bound |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        int minimumOptimal = 0;
        int wishesOptimal = 0;
        double sumShare = 0;
        double worstShare = Double.MAX_VALUE;
        Random random = new Random(2026);
        for (int s = 0; s < sessions; s++) {
            long seed = random.nextLong();
            int n = 10 + random.nextInt(21);
            int rounds = 4 + random.nextInt(5);
            int tables = random.nextInt(4) == 0 ? Math.max(2, n / 2 - 1 - random.nextInt(3)) : n / 2;
            SchedulingRequest request = RandomSessions.session(seed, n, rounds, tables);
            ScheduleObjective got = SCHEDULER.plan(request).objective();
            OptimumBounds bound = OptimumBounds.of(request);
            boolean minimumMet = got.minimumMeetings() == bound.minimumMeetings();
            boolean wishesMet = got.mutualWishesMet() == bound.mutualWishes()
                    && got.oneSidedWishesMet() == bound.oneSidedWishes();
            if (minimumMet) minimumOptimal++;
            if (wishesMet) wishesOptimal++;
            double share = bound.totalWeight() == 0 ? 1 : got.totalWeight() / bound.totalWeight();
            sumShare += share;
            worstShare = Math.min(worstShare, share);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d (%d) | %d (%d) | %d (%d) | %.3f | %.3f "
                            + "| %.1f %% |%n",
                    seed, n, rounds, tables, got.minimumMeetings(), bound.minimumMeetings(), got.mutualWishesMet(),
                    bound.mutualWishes(), got.oneSidedWishesMet(), bound.oneSidedWishes(), got.totalWeight(),
                    bound.totalWeight(), 100 * share);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Minimum meetings at the bound (so optimal): %d / %d sessions.%n",
                minimumOptimal, sessions);
        System.out.printf(Locale.ROOT, "All wishes met (so optimal): %d / %d sessions.%n", wishesOptimal, sessions);
        System.out.printf(Locale.ROOT, "Total weight over its upper bound: mean %.1f %%, worst %.1f %% "
                + "(a floor on the share of the optimal weight).%n%n", 100 * sumShare / sessions, 100 * worstShare);
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
