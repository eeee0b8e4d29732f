package fr.labos.partenariats.matchmaking.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.relay.EventRelay;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>With {@code -Dbench.rates=60,90,120} it measures instead what the target asks — a rate sustained with its p99 —
 * in an open loop: introductions start on a fixed schedule whatever the service's pace, as a lab's users arrive, and
 * a proposal's latency counts from its scheduled start, so the time it waited behind a slow service counts too
 * (the closed loop's clients wait for an answer before asking again, which hides that wait). One run of
 * {@code seconds} per rate, after the same warm-up; the report gives the highest rate held with p99 within 100 ms.
 *
 * <p>{@code -Dbench.warmup=600} warms up for ten minutes (the JIT compiler is still busy minutes after the start;
 * BENCHMARKS.md says by how much), {@code -Dbench.open=N} leaves N introductions open first, and
 * {@code -Dbench.threads=true} prints which background threads took the CPU.
 */
public final class IntroductionCommandBenchmark {

    private static final int ACTORS = 200;
    /** The warm-up's length ({@code -Dbench.warmup}, seconds): the JIT still compiles for minutes after the start. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 20);
    /** The yardstick's warm-up and measure, each (at most the measured run's length). */
    private static final int YARDSTICK_SECONDS = 20;
    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final int COMMANDS_PER_LIFE = 6;
    /** Enough threads for every introduction in flight while the service keeps up, and a queue when it does not. */
    private static final int OPEN_LOOP_THREADS = 128;
    private static final double P99_TARGET_MILLIS = 100;
    /** A rate is held only if the relay and the views have caught up within this once its last introduction ended. */
    private static final long BACKGROUND_CAUGHT_UP_MILLIS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (BenchService bench = BenchService.start("introductions")) {
            RunningMatchmaking service = bench.service();
            List<String> actors = bench.registerActors(ACTORS);
            // Valid for the whole run: a long warm-up outlives the ten minutes a test token lasts by default.
            String admin = TestTokens.admin().valid(Instant.now(), Duration.ofHours(3)).sign();
            String last = actors.get(actors.size() - 1);
            await().atMost(Duration.ofSeconds(120)).until(() -> service.post("/api/introductions", admin,
                    "{\"actorId\": \"%s\", \"partnerId\": \"nobody\", \"source\": \"FACILITATOR\"}".formatted(last))
                    .statusCode() == 404);
            int open = Integer.getInteger("bench.open", 0);
            if (open > 0) {
                leaveOpen(service, actors, admin, open);
            }
            // Each client introduces neighbours within a stretch of the actors of its own: a pair is claimed while its
            // introduction waits for its answers, and clients sharing pairs would, drifting apart, meet on one.
            if (clients < 1 || clients > actors.size() / 2) {
                throw new IllegalArgumentException("from 1 to " + actors.size() / 2 + " clients, each with two actors at least");
            }
            int stretch = actors.size() / clients;
            Workload lifecycles = (client, n, latencies, failures) -> lifeOf(service, admin,
                    actors.get(client * stretch + n % (stretch - 1)), actors.get(client * stretch + n % (stretch - 1) + 1),
                    System.nanoTime(), latencies, failures);
            // Warm-up: the JIT and the connection pools, results not kept.
            run(lifecycles, clients, Duration.ofSeconds(WARM_UP_SECONDS));
            int postgresPort = URI.create(service.databaseUrl().substring("jdbc:".length())).getPort();
            CpuAccount cpu = new CpuAccount(postgresPort);
            String rates = System.getProperty("bench.rates", "");
            if (rates.isBlank()) {
                BenchService.publish(closedLoop(service, admin, lifecycles, clients, seconds, cpu),
                        "introduction-benchmark.md");
            } else {
                Scheduled scheduled = (i, due, latencies, failures) -> lifeOf(service, admin,
                        actors.get(i % actors.size()), actors.get((i + 1) % actors.size()), due, latencies, failures);
                List<Double> aimed = Arrays.stream(rates.split(",")).map(rate -> Double.parseDouble(rate.trim()))
                        .toList();
                BenchService.publish(sweep(scheduled, aimed, seconds, cpu, new Background(service)),
                        "introduction-rate-benchmark.md");
            }
        }
        System.exit(0);
    }

    /** The closed loop's measured run, then the yardstick, as a Markdown report. */
    private static String closedLoop(RunningMatchmaking service, String admin, Workload lifecycles, int clients,
                                     int seconds, CpuAccount cpu) throws Exception {
        double hostBefore = HostSpeed.measure();
        cpu.start();
        Result result = run(lifecycles, clients, Duration.ofSeconds(seconds));
        Map<String, Double> commandCpu = cpu.perOperation(result.sortedNanos().length);
        double hostAfter = HostSpeed.measure();
        // The yardstick: what any signed-in request costs here, whatever it does (a read by id answered 404).
        Workload reads = (client, n, latencies, failures) -> timed(latencies, failures, 404,
                () -> service.get("/api/introductions/none-" + client + "-" + n, admin));
        Duration yardstick = Duration.ofSeconds(Math.min(YARDSTICK_SECONDS, seconds));
        run(reads, clients, yardstick);
        cpu.start();
        Result reference = run(reads, clients, yardstick);
        return result.markdown(clients, seconds) + HostSpeed.line(hostBefore, hostAfter, result.perSecond())
                + cpuTable(commandCpu) + reference.referenceLine(cpu.perOperation(reference.sortedNanos().length));
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

    /** The introduction scheduled {@code i}-th, due at {@code due} ({@link System#nanoTime()}). */
    private interface Scheduled {
        void run(int i, long due, LatencyLog latencies, AtomicLong failures);
    }

    /** One open-loop run per rate (commands/s aimed at), in the order given; a Markdown table of them. */
    private static String sweep(Scheduled lifecycle, List<Double> rates, int seconds, CpuAccount cpu,
                                Background background) throws Exception {
        StringBuilder rows = new StringBuilder();
        Map<String, StringBuilder> cores = new LinkedHashMap<>();
        Set<Double> heldOnce = new TreeSet<>();
        Set<Double> missedOnce = new HashSet<>();
        for (double aimed : rates) {
            double hostBefore = HostSpeed.measure();
            cpu.start();
            Result result = runAtRate(lifecycle, aimed, Duration.ofSeconds(seconds));
            Map<String, Double> perCommand = cpu.perOperation(result.sortedNanos().length);
            long caughtUp = background.catchUpMillis();
            double hostAfter = HostSpeed.measure();
            boolean within = result.millis(0.99) <= P99_TARGET_MILLIS && result.failures() == 0
                    && caughtUp >= 0 && caughtUp <= BACKGROUND_CAUGHT_UP_MILLIS;
            (within ? heldOnce : missedOnce).add(aimed);
            rows.append(String.format(Locale.ROOT, "| %.0f | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %s | %.2f | %.2f | %.0f / %.0f |%n",
                    aimed, result.perSecond(), result.millis(0.50), result.millis(0.90), result.millis(0.99),
                    result.sortedNanos()[result.sortedNanos().length - 1] / 1e6, result.failures(),
                    caughtUp < 0 ? "not in 2 min" : caughtUp + " ms",
                    perCommand.get(CpuAccount.WHOLE_JVM), perCommand.get(CpuAccount.POSTGRES), hostBefore, hostAfter));
            System.out.printf("%.0f commands/s aimed: %.0f done, p99 %.1f ms%n", aimed, result.perSecond(),
                    result.millis(0.99));
            perCommand.forEach((where, millis) -> cores.computeIfAbsent(where, w -> new StringBuilder("| " + w))
                    .append(String.format(Locale.ROOT, " | %.2f", millis * result.perSecond() / 1000)));
        }
        // A rate is held when every run of it was; a rate measured twice with one miss is not.
        heldOnce.removeAll(missedOnce);
        double held = heldOnce.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, """
                ## Introduction commands on one node, open loop

                Machine: %d CPU cores, Java %s, max heap %d MB; %d introductions left open beforehand.
                One matchmaking-service (in this JVM) on embedded PostgreSQL 17, an in-process Kafka broker (the relay
                publishing alongside) and mongo-java-server. Introductions start on a fixed schedule (one every
                six commands' worth of the rate), each taken through its whole life (proposal, two acceptances,
                meeting scheduled and held, outcome); %d s per rate after a warm-up. Latencies are counted from each
                proposal's scheduled start, so waiting behind a slow service counts. "Background caught up": once the
                rate's last introduction ended, how long until the relay had published every event stored by then and
                the introduction views had applied every record then on the topic (a held rate needs it within 5 s).

                | commands/s aimed | done | p50 | p90 | p99 | max | refused or failed | background caught up | whole JVM CPU ms per command | PostgreSQL CPU ms per command | host speed, sorts/s before / after |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                %s
                Highest rate held with p99 within %.0f ms, nothing refused and the background caught up, in every run of it: **%s**.

                Cores busy during each run (CPU seconds per second), by where, in the order of the rates above:

                | where | %s |
                |---|%s
                %s
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Integer.getInteger("bench.open", 0), seconds, rows,
                P99_TARGET_MILLIS, held > 0 ? String.format(Locale.ROOT, "%.0f commands/s", held) : "none of those measured",
                String.join(" | ", rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f/s", rate)).toList()),
                "---:|".repeat(rates.size()),
                String.join("\n", cores.values().stream().map(row -> row + " |").toList()));
    }

    /**
     * Starts an introduction every {@code 6 / commandsPerSecond} seconds for {@code duration}, then waits for the
     * last to end. Done per second counts over the whole time, the tail included: a service that falls behind does
     * fewer than aimed.
     */
    private static Result runAtRate(Scheduled lifecycle, double commandsPerSecond, Duration duration)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(OPEN_LOOP_THREADS);
        ConcurrentLinkedQueue<long[]> logs = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long interval = (long) (1e9 * COMMANDS_PER_LIFE / commandsPerSecond);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        for (int i = 0; started + i * interval < end; i++) {
            long due = started + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            pool.execute(() -> {
                LatencyLog latencies = new LatencyLog(COMMANDS_PER_LIFE);
                lifecycle.run(n, due, latencies, failures);
                logs.add(latencies.toArray());
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("introductions still running five minutes after the last was due");
        }
        long elapsed = System.nanoTime() - started;
        long[] merged = logs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, elapsed, failures.get());
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

    /**
     * One introduction through its whole life: six commands, each sent when the previous one is answered. The
     * proposal's latency counts from {@code start}, its scheduled start in the open loop.
     */
    private static void lifeOf(RunningMatchmaking service, String token, String a, String b, long start,
                               LatencyLog latencies, AtomicLong failures) {
        String id = idOf(timed(start, latencies, failures, 201, () -> service.post("/api/introductions", token, """
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
        // No fit: it closes the introduction, so the pair may be introduced again when the clients come back to it
        // (a pair with an introduction in progress is not).
        timed(latencies, failures, 204, () -> service.post(path + "/outcomes", token,
                "{\"outcome\": \"NO_FIT\", \"day\": \"%s\"}".formatted(LocalDate.now(PARIS))));
    }

    private static HttpResponse<String> timed(LatencyLog latencies, AtomicLong failures, int expected,
                                              java.util.function.Supplier<HttpResponse<String>> request) {
        return timed(System.nanoTime(), latencies, failures, expected, request);
    }

    private static HttpResponse<String> timed(long start, LatencyLog latencies, AtomicLong failures, int expected,
                                              java.util.function.Supplier<HttpResponse<String>> request) {
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
        private long[] values;
        private int size;

        LatencyLog() {
            this(1 << 14);
        }

        LatencyLog(int capacity) {
            values = new long[capacity];
        }

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

    /**
     * What the background work still owed once the last introduction of a rate ended: how long until the relay had
     * published every event stored by then and the introduction views' consumer had applied every record on the
     * topic by then (to 10 ms), so that a rate "held" by the requests while the relay or the views fell behind shows.
     */
    private static final class Background {
        private final JdbcTemplate jdbc;
        private final String relayGroup;
        private final Admin kafka;
        private final String viewsTopic;
        private final String viewsGroup;

        Background(RunningMatchmaking service) {
            var context = service.context();
            // Read as rows, not through Axon's token store, whose fetch would claim the relay's segment.
            this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            this.relayGroup = context.getBean(EventRelay.class).processingGroup();
            Environment environment = context.getEnvironment();
            this.viewsTopic = environment.getProperty("matchmaking.introduction-views.topic", "lab.matchmaking.events");
            this.viewsGroup = environment.getProperty("matchmaking.introduction-views.group-id",
                    "matchmaking-introduction-views");
            this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
        }

        /** Milliseconds from now until both had caught up with what was there now; -1 if not within two minutes. */
        long catchUpMillis() throws Exception {
            Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (var partition : kafka.describeTopics(List.of(viewsTopic)).allTopicNames().get().get(viewsTopic).partitions()) {
                ends.put(new TopicPartition(viewsTopic, partition.partition()), OffsetSpec.latest());
            }
            long started = System.nanoTime();
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            boolean relayed = false;
            while (System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
                if (!relayed) {
                    relayed = head == null || relayPosition() >= head;
                    if (relayed) {
                        // The topic's ends once every event stored by then is on it.
                        kafka.listOffsets(ends).all().get().forEach((partition, info) -> endOffsets.put(partition, info.offset()));
                    }
                }
                if (relayed) {
                    Map<TopicPartition, OffsetAndMetadata> applied = kafka.listConsumerGroupOffsets(viewsGroup)
                            .partitionsToOffsetAndMetadata().get();
                    boolean viewsDone = endOffsets.entrySet().stream().allMatch(end -> applied.get(end.getKey()) != null
                            && applied.get(end.getKey()).offset() >= end.getValue());
                    if (viewsDone) {
                        return (System.nanoTime() - started) / 1_000_000;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
            return -1;
        }

        /** The relay's token: its index, the global index of the last event it published (the gaps behind it aside). */
        private long relayPosition() throws IOException {
            List<byte[]> token = jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ? AND segment = 0",
                    byte[].class, relayGroup);
            return token.isEmpty() || token.get(0) == null ? -1 : JSON.readTree(token.get(0)).path("index").asLong(-1);
        }
    }
}
