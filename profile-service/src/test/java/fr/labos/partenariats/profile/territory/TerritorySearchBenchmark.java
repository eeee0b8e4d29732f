package fr.labos.partenariats.profile.territory;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The territory search in memory alone (no HTTP, no sign-in): what building it costs at profile-service's start, and
 * what one keystroke of a territory field costs, for words as people type them, letter after letter. Run on request:
 * <pre>
 * mvn -B -q -pl profile-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=fr.labos.partenariats.profile.territory.TerritorySearchBenchmark [-Dexec.args="300"]
 * </pre>
 * The argument is the number of timed rounds over all the keystrokes (after as many rounds of warm-up).
 */
public final class TerritorySearchBenchmark {

    /** Words typed into the console's territory fields, each timed at every length from its first letter. */
    private static final List<String> TYPED = List.of("echirolles", "saint-martin-d'heres", "la mure", "isere",
            "auvergne", "st etienne", "38185", "grenoble", "aix", "le", "sainte-foy-les-lyon", "bourg");

    private TerritorySearchBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long start = System.nanoTime();
        TerritoryDirectory directory = TerritoryDirectory.official();
        long directoryLoaded = System.nanoTime();
        TerritorySearch search = new TerritorySearch(directory);
        long built = System.nanoTime();
        System.out.printf("reference loaded (first use in this JVM): %.0f ms%n", (directoryLoaded - start) / 1e6);
        System.out.printf("search built from it (what profile-service's start adds): %.0f ms%n", (built - directoryLoaded) / 1e6);

        List<String> keystrokes = new ArrayList<>();
        for (String word : TYPED) {
            for (int length = 1; length <= word.length(); length++) {
                keystrokes.add(word.substring(0, length));
            }
        }
        int found = 0;
        for (int round = 0; round < rounds; round++) { // warm-up: the JIT compiles the search's loops
            for (String typed : keystrokes) {
                found += search.find(typed, Optional.empty(), 6).size();
            }
        }
        long[] all = new long[rounds * keystrokes.size()];
        long[] communes = new long[rounds * keystrokes.size()];
        int at = 0;
        for (int round = 0; round < rounds; round++) {
            for (String typed : keystrokes) {
                long t0 = System.nanoTime();
                found += search.find(typed, Optional.empty(), 6).size();
                long t1 = System.nanoTime();
                found += search.find(typed, Optional.of(TerritoryLevel.COMMUNE), 6).size();
                long t2 = System.nanoTime();
                all[at] = t1 - t0;
                communes[at++] = t2 - t1;
            }
        }
        System.out.printf("%d keystrokes (%d words typed letter by letter) × %d rounds; %d territories found in all%n",
                keystrokes.size(), TYPED.size(), rounds, found);
        report("any level, 6 answers", all);
        report("communes only, 6 answers", communes);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n", what, at(sorted, 0.50), at(sorted, 0.99),
                at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
