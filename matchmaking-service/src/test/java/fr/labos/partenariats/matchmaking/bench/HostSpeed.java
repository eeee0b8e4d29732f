package fr.labos.partenariats.matchmaking.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How fast the host runs plain Java right now, with nothing of the service in it: sorts of the same 100,000 random
 * ints per second, on one thread, for two seconds. On a shared host the same code ran a benchmark at anything from
 * one to three times the speed within an afternoon; measured next to a run, this figure lets two runs of different
 * code be compared (commands per second per thousand sorts per second), where the raw figures cannot.
 */
final class HostSpeed {

    private static final int[] NUMBERS = new SplittableRandom(20261202).ints(100_000).toArray();

    private HostSpeed() {
    }

    /** Sorts per second. */
    static double measure() {
        sortFor(500_000_000L); // the JIT's turn
        return sortFor(2_000_000_000L);
    }

    static String line(double before, double after, double commandsPerSecond) {
        double mean = (before + after) / 2;
        return String.format(Locale.ROOT, """

                Host speed (sorts of 100,000 ints per second, one thread, just before and just after the measured
                period): %.0f and %.0f; commands/s per 1,000 sorts/s: **%.1f**.
                """, before, after, commandsPerSecond / mean * 1000);
    }

    private static double sortFor(long nanos) {
        long start = System.nanoTime();
        long sorts = 0;
        long checksum = 0;
        while (System.nanoTime() - start < nanos) {
            int[] copy = Arrays.copyOf(NUMBERS, NUMBERS.length);
            Arrays.sort(copy);
            checksum += copy[(int) (sorts++ % copy.length)];
        }
        if (checksum == 42) {
            System.out.print(""); // keeps the sorts from being optimised away
        }
        return sorts / ((System.nanoTime() - start) / 1e9);
    }
}
