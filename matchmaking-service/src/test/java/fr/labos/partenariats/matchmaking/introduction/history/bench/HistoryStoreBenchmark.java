package fr.labos.partenariats.matchmaking.introduction.history.bench;

import fr.labos.partenariats.matchmaking.introduction.history.store.Introductions;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The verification of a 1,000-step introduction as a client sees it: {@code GET /verification} (the chain recomputed
 * from the rows of the service's embedded PostgreSQL event store, checked against the tree) and {@code GET /history},
 * over HTTP. Prints a Markdown report. Run with:
 * {@code mvn -B -q -pl matchmaking-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.labos.partenariats.matchmaking.introduction.history.bench.HistoryStoreBenchmark}
 */
public final class HistoryStoreBenchmark {

    private static final int STEPS = 1_000;
    private static final int RUNS = 30;

    private HistoryStoreBenchmark() {
    }

    public static void main(String[] args) {
        try (InMemoryMongo mongo = InMemoryMongo.start();
             RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                     SharedKafka.newTopic("bench.history.profile.events"), "bench-history-" + UUID.randomUUID())) {
            Introductions introductions = new Introductions(service);
            long start = System.nanoTime();
            String id = introductions.proposedAndAccepted("Intermédiation : banc d'essai de l'historique");
            introductions.followUps(id, STEPS - 3);
            double appendSeconds = (System.nanoTime() - start) / 1e9;

            double[] verification = time(service, "/api/introductions/" + id + "/verification", "\"holds\":true");
            double[] history = time(service, "/api/introductions/" + id + "/history", "\"steps\"");
            System.out.println("## Verifying a " + STEPS + "-step introduction from the event store ("
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.println();
            System.out.printf(Locale.ROOT, "%d commands (one event each, hashed in its transaction) in %.1f s. "
                    + "%d requests of each after 5 warm-up requests, over HTTP, one client:%n%n", STEPS, appendSeconds,
                    RUNS);
            System.out.println("| request | median | p90 | max |");
            System.out.println("|---|---|---|---|");
            row("GET /api/introductions/{id}/verification", verification);
            row("GET /api/introductions/{id}/history", history);
        }
        System.exit(0);
    }

    private static double[] time(RunningMatchmaking service, String path, String expected) {
        for (int i = 0; i < 5; i++) {
            check(service.get(path), expected);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check(service.get(path), expected);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void check(HttpResponse<String> response, String expected) {
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException("unexpected answer: " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private static void row(String request, double[] sorted) {
        System.out.printf(Locale.ROOT, "| `%s` | %.0f ms | %.0f ms | %.0f ms |%n", request, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(0.9 * sorted.length) - 1], sorted[sorted.length - 1]);
    }
}
