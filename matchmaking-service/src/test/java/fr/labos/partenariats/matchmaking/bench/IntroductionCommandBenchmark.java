package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.platform.security.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Introduction commands per second on one node, through the REST API as a client sees them (token check, access,
 * command, PostgreSQL event store, deadline row, relay to Kafka running alongside): each client thread takes
 * introductions through their whole life — proposal by a facilitator, acceptance by both sides, a meeting scheduled
 * and held, an outcome — for a fixed time, and every request's latency is kept. Not a test (kept out of surefire by
 * its name); run as BENCHMARKS.md says:
 * <pre>
 * mvn -B -q -pl matchmaking-service test-compile exec:java \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.IntroductionCommandBenchmark [-Dexec.args="8 30"]
 * </pre>
 * (clients, seconds). Prints Markdown and writes it to {@code target/introduction-benchmark.md}.
 */
public final class IntroductionCommandBenchmark {

    private static final int ACTORS = 200;
    private static final int WARM_UP_SECONDS = 20;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (BenchService bench = BenchService.start("introductions")) {
            RunningMatchmaking service = bench.service();
            List<String> actors = bench.registerActors(ACTORS);
            String admin = TestTokens.admin().sign();
            String last = actors.get(actors.size() - 1);
            await().atMost(Duration.ofSeconds(120)).until(() -> service.post("/api/introductions", admin,
                    "{\"actorId\": \"%s\", \"partnerId\": \"nobody\", \"source\": \"FACILITATOR\"}".formatted(last))
                    .statusCode() == 404);
            int open = Integer.getInteger("bench.open", 0);
            if (open > 0) {
                leaveOpen(service, actors, admin, open);
            }
            Workload lifecycles = (client, n, latencies, failures) -> lifeOf(service, admin,
                    actors.get((client * 31 + n) % actors.size()), actors.get((client * 31 + n + 1) % actors.size()),
                    latencies, failures);
            // Warm-up: the JIT and the connection pools, results not kept.
            run(lifecycles, clients, Duration.ofSeconds(Math.min(WARM_UP_SECONDS, seconds)));
            int postgresPort = URI.create(service.databaseUrl().substring("jdbc:".length())).getPort();
            CpuAccount cpu = new CpuAccount(postgresPort);
            double hostBefore = HostSpeed.measure();
            cpu.start();
            Result result = run(lifecycles, clients, Duration.ofSeconds(seconds));
            Map<String, Double> commandCpu = cpu.perOperation(result.sortedNanos().length);
            double hostAfter = HostSpeed.measure();
            // The yardstick: what any signed-in request costs here, whatever it does (a read by id answered 404).
            Workload reads = (client, n, latencies, failures) -> timed(latencies, failures, 404,
                    () -> service.get("/api/introductions/none-" + client + "-" + n, admin));
            run(reads, clients, Duration.ofSeconds(Math.min(WARM_UP_SECONDS, seconds)));
            cpu.start();
            Result reference = run(reads, clients, Duration.ofSeconds(Math.min(WARM_UP_SECONDS, seconds)));
            String report = result.markdown(clients, seconds) + HostSpeed.line(hostBefore, hostAfter, result.perSecond())
                    + cpuTable(commandCpu) + reference.referenceLine(
                    cpu.perOperation(reference.sortedNanos().length));
            BenchService.publish(report, "introduction-benchmark.md");
        }
        System.exit(0);
    }

    /**
     * A lab's backlog: {@code count} introductions proposed and left unanswered, each with its answer deadline
     * scheduled (a lab proposing a hundred a day has about 1,400 waiting at any time with 14 days to answer).
     */
    private static void leaveOpen(RunningMatchmaking service, List<String> actors, String token, int count)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong failures = new AtomicLong();
        List<Future<?>> proposals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String a = actors.get(i % actors.size());
            // Pairs two to 26 apart: never the neighbours the lifecycles introduce, never the same pair twice.
            String b = actors.get((i + 2 + i / actors.size()) % actors.size());
            proposals.add(pool.submit(() -> timed(new LatencyLog(), failures, 201, () -> service.post("/api/introductions",
                    token, """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "En attente"}""".formatted(a, b)))));
        }
        for (Future<?> proposal : proposals) {
            proposal.get();
        }
        pool.shutdown();
        System.out.printf("%d introductions left open (%d refused)%n", count - failures.get(), failures.get());
    }

    private static String cpuTable(Map<String, Double> perCommand) {
        StringBuilder table = new StringBuilder("""

                CPU per command during the measured period (CPU time, not wall time: it holds on a shared machine):

                | where | CPU ms per command |
                |---|---:|
                """);
        perCommand.forEach((where, millis) -> table.append(String.format(Locale.ROOT, "| %s | %.2f |%n", where, millis)));
        return table.toString();
    }

    /** What one client does once, keeping each request's latency. */
    private interface Workload {
        void once(int client, int n, LatencyLog latencies, AtomicLong failures);
    }

    private static Result run(Workload workload, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                LatencyLog latencies = new LatencyLog();
                int n = 0;
                while (System.nanoTime() < end) {
                    workload.once(client, n++, latencies, failures);
                }
                return latencies.toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, elapsed, failures.get());
    }

    /** One introduction through its whole life: six commands. */
    private static void lifeOf(RunningMatchmaking service, String token, String a, String b, LatencyLog latencies,
                               AtomicLong failures) {
        String id = idOf(timed(latencies, failures, 201, () -> service.post("/api/introductions", token, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Banc d'essai"}""".formatted(a, b))));
        if (id == null) {
            return;
        }
        String path = "/api/introductions/" + id;
        timed(latencies, failures, 204, () -> service.post(path + "/accept", token, "{\"actingFor\": \"%s\"}".formatted(a)));
        timed(latencies, failures, 204, () -> service.post(path + "/accept", token, "{\"actingFor\": \"%s\"}".formatted(b)));
        String meeting = idOf(timed(latencies, failures, 201, () -> service.post(path + "/meetings", token,
                "{\"startsAt\": \"%s\", \"place\": \"Banc\"}".formatted(Instant.now().minusSeconds(60)))));
        timed(latencies, failures, 204, () -> service.post(path + "/meetings/" + meeting + "/held", token, "{}"));
        timed(latencies, failures, 204, () -> service.post(path + "/outcomes", token,
                "{\"outcome\": \"FOLLOW_UP_PLANNED\", \"day\": \"%s\"}".formatted(LocalDate.now(PARIS))));
    }

    private static HttpResponse<String> timed(LatencyLog latencies, AtomicLong failures, int expected,
                                              java.util.function.Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        latencies.add(System.nanoTime() - start);
        if (response.statusCode() != expected) {
            failures.incrementAndGet();
            return null;
        }
        return response;
    }

    private static String idOf(HttpResponse<String> response) {
        return response == null ? null : RunningMatchmaking.parse(response.body()).path("id").asText();
    }

    /** Latencies of one client, in nanoseconds. */
    private static final class LatencyLog {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private record Result(long[] sortedNanos, long elapsedNanos, long failures) {

        double perSecond() {
            return sortedNanos.length / (elapsedNanos / 1e9);
        }

        double millis(double quantile) {
            return BenchService.millisAt(sortedNanos, quantile);
        }

        /** One line on the yardstick request, with its CPU per request (service threads and whole JVM). */
        String referenceLine(Map<String, Double> cpu) {
            return String.format(Locale.ROOT, """

                    Yardstick, same clients: `GET /api/introductions/{unknown id}` (sign-in, HTTP, one read by id, a 404
                    problem): %.0f requests/s, p50 %.1f ms, p99 %.1f ms; CPU per request: service request threads
                    %.2f ms, whole JVM %.2f ms.
                    """, perSecond(), millis(0.50), millis(0.99),
                    cpu.values().iterator().next(), cpu.get(CpuAccount.WHOLE_JVM));
        }

        String markdown(int clients, int seconds) throws IOException {
            return String.format(Locale.ROOT, """
                    ## Introduction commands on one node

                    Machine: %d CPU cores, Java %s, max heap %d MB; %d introductions left open beforehand.
                    One matchmaking-service (in this JVM) on embedded
                    PostgreSQL 17, an in-process Kafka broker (the relay publishing alongside) and mongo-java-server;
                    %d client threads over HTTP for %d s after a warm-up, each taking introductions through their
                    whole life (proposal, two acceptances, meeting scheduled and held, outcome: six commands).

                    | commands | commands/s | p50 | p90 | p99 | max | refused or failed |
                    |---:|---:|---:|---:|---:|---:|---:|
                    | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |
                    """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, Integer.getInteger("bench.open", 0), clients, seconds, sortedNanos.length, perSecond(),
                    millis(0.50), millis(0.90), millis(0.99), sortedNanos[sortedNanos.length - 1] / 1e6, failures);
        }
    }
}
