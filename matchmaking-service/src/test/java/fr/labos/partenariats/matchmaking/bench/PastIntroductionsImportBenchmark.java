package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.platform.security.TestTokens;

import fr.labos.partenariats.schema.common.LabCalendar;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a facilitator waits for when it brings a lab's history: {@code POST /api/introductions/past} with a file of
 * {@code N} past introductions (the most one file may hold is 1,000), over HTTP, signed in, from the request to the
 * answer — every line read and checked, then every introduction's events appended to PostgreSQL. The file mixes what
 * a lab's year holds: partnerships formed (6 events each), follow-ups after a meeting (6), declined (2), unanswered and
 * so expired (2). Then the same file again (every line found already recorded). Several files, one after the other,
 * each of new introductions. Not a test (kept out of surefire by its name); run as BENCHMARKS.md says:
 * <pre>
 * mvn -B -q -pl matchmaking-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.PastIntroductionsImportBenchmark -Dexec.args="1000 3"
 * </pre>
 * (lines per file, files). Prints Markdown and writes it to {@code target/past-introductions-import-benchmark.md}.
 */
public final class PastIntroductionsImportBenchmark {

    private static final int ACTORS = 200;
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (BenchService bench = BenchService.start("past-introductions")) {
            RunningMatchmaking service = bench.service();
            List<String> actors = bench.registerActors(ACTORS);
            String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
            awaitKnown(service, actors);
            EventStoreRows store = new EventStoreRows(service.databaseUrl());
            // A first, small file warms the path up (JIT, connection pools); not measured.
            send(service, facilitator, file(actors, 50, files + 1));
            StringBuilder rows = new StringBuilder();
            double speedBefore = HostSpeed.measure();
            for (int f = 0; f < files; f++) {
                byte[] csv = file(actors, lines, f);
                long events = store.events();
                long start = System.nanoTime();
                HttpResponse<String> first = send(service, facilitator, csv);
                double firstSeconds = (System.nanoTime() - start) / 1e9;
                long written = store.events() - events;
                start = System.nanoTime();
                HttpResponse<String> again = send(service, facilitator, csv);
                double againSeconds = (System.nanoTime() - start) / 1e9;
                int recorded = RunningMatchmaking.parse(first.body()).path("recorded").asInt();
                int already = RunningMatchmaking.parse(again.body()).path("alreadyRecorded").asInt();
                if (recorded != lines || already != lines || store.events() - events != written) {
                    throw new IllegalStateException("file " + f + ": " + recorded + " recorded, then " + already
                            + " already recorded, of " + lines);
                }
                rows.append(String.format(Locale.ROOT, "| %d | %d KB | %d | %.1f s | %.1f ms | %.0f | %.2f s |%n",
                        f + 1, csv.length / 1024, written, firstSeconds, firstSeconds * 1000 / lines,
                        lines / firstSeconds, againSeconds));
            }
            double speedAfter = HostSpeed.measure();
            String report = String.format(Locale.ROOT, """
                    ## A lab's past introductions, %d per file

                    Machine: %d CPU cores, Java %s. `POST /api/introductions/past` over HTTP, signed in as a facilitator,
                    %d files one after the other, each of new introductions between %d actors (40 %% partnerships
                    formed, 20 %% follow-ups, 20 %% declined, 20 %% expired); then each file sent again. Time from the
                    request to the answer: the file read and checked whole, then each introduction recorded.
                    Host speed: %.0f sorts/s before, %.0f after (one thread, the same 100,000 ints).

                    | file | size | events written | answered in | per line | introductions/s | same file again |
                    |---|---|---|---|---|---|---|
                    %s""", lines, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    files, ACTORS, speedBefore, speedAfter, rows);
            BenchService.publish(report, "past-introductions-import-benchmark.md");
        }
    }

    /** {@code lines} past introductions between distinct pairs; file {@code seed} proposes them on other days. */
    private static byte[] file(List<String> actors, int lines, int seed) {
        LocalDate today = LocalDate.now(LabCalendar.ZONE);
        StringBuilder csv = new StringBuilder("\uFEFFacteur;partenaire;proposée le;acceptée le;déclinée le;déclinée par;"
                + "raison du refus;rencontre le;suite;suite le;forme;catégorie;fin du partenariat le;note\r\n");
        for (int i = 0; i < lines; i++) {
            String actor = actors.get(i % actors.size());
            String partner = actors.get((i / actors.size() + 1 + i) % actors.size());
            LocalDate proposed = today.minusMonths(4 + (i % 8)).minusDays(seed * 40L + i % 28);
            String day = proposed.format(FRENCH);
            List<String> cells = new ArrayList<>(List.of(actor, partner, day));
            switch (i % 5) {
                case 0, 1 -> cells.addAll(List.of(proposed.plusDays(5).format(FRENCH), "", "", "",
                        proposed.plusDays(20).format(FRENCH), "partenariat conclu", proposed.plusMonths(2).format(FRENCH),
                        "apport de ressources", "un financement", "", "Reprise du tableau de suivi"));
                case 2 -> cells.addAll(List.of(proposed.plusDays(5).format(FRENCH), "", "", "",
                        proposed.plusDays(20).format(FRENCH), "suite prévue", proposed.plusMonths(1).format(FRENCH),
                        "", "", "", ""));
                case 3 -> cells.addAll(List.of("", proposed.plusDays(9).format(FRENCH), "partenaire", "pas maintenant",
                        "", "", "", "", "", "", ""));
                default -> cells.addAll(List.of("", "", "", "", "", "", "", "", "", "", "Sans réponse"));
            }
            csv.append(String.join(";", cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(RunningMatchmaking service, String token, byte[] csv) {
        HttpResponse<String> response = service.postBytes("/api/introductions/past", token, "text/csv", csv,
                Duration.ofMinutes(10));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static void awaitKnown(RunningMatchmaking service, List<String> actors) throws InterruptedException {
        for (String actor : actors) {
            while (service.get("/api/actors/" + actor + "/introductions").statusCode() != 200) {
                Thread.sleep(100);
            }
        }
    }
}
