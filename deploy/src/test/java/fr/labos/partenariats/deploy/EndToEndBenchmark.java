package fr.labos.partenariats.deploy;

import fr.labos.partenariats.schema.Topics;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The end-to-end benchmark: needs and offers posted concurrently through profile-service's REST API of a running
 * system on the local run's real components, followed to matchmaking-service's ranking API.
 * <p>
 * Phases: a warm-up; a paced phase (open loop at a fixed offered rate, latency counted from each request's scheduled
 * start, so a client that falls behind shows as latency); an unpaced phase (closed loop, as fast as the clients
 * go); then a plain consumer reads the whole topic as the physical limit of the consuming side. Run with
 * <pre>mvn -Dmaven.repo.local=... -q install -DskipTests
 * mvn -pl deploy -q test-compile org.codehaus.mojo:exec-maven-plugin:3.6.2:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=fr.labos.partenariats.deploy.EndToEndBenchmark</pre>
 * with {@code -Dbench.*} options (see {@link Options}) and the launcher's environment variables for ports and data.
 */
public final class EndToEndBenchmark {

    /** What to run; each is a {@code -Dbench.<name>} system property. */
    record Options(int actors, int warmup, int pacedRate, int pacedPosts, int clients, int posts, int sampleEvery,
                   int watchers) {
        static Options fromSystemProperties() {
            return new Options(
                    Integer.getInteger("bench.actors", 40),
                    Integer.getInteger("bench.warmup", 1000),
                    Integer.getInteger("bench.pacedRate", 1000),
                    Integer.getInteger("bench.pacedPosts", 20000),
                    Integer.getInteger("bench.clients", 16),
                    Integer.getInteger("bench.posts", 20000),
                    Integer.getInteger("bench.sampleEvery", 20),
                    Integer.getInteger("bench.watchers", 2));
        }
    }

    private static final String[] CATEGORIES = {"FUNDING", "SKILLS", "VOLUNTEERS", "PREMISES", "EQUIPMENT", "NETWORK"};
    private static final String[] THEMES = {"FOOD", "HEALTH_SOCIAL", "YOUTH_EDUCATION", "ENVIRONMENT_BIODIVERSITY",
            "MOBILITY", "EMPLOYMENT_INSERTION", "CULTURE", "HOUSING"};
    private static final String[] ACTOR_TYPES = {"ASSOCIATION", "COMPANY", "MUNICIPALITY", "FOUNDATION", "SOCIAL_ENTERPRISE"};

    private final Options options;
    private final BenchmarkSystem system;
    private final LabClient client;
    private final List<String> actorIds = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    private EndToEndBenchmark(Options options, BenchmarkSystem system) {
        this.options = options;
        this.system = system;
        this.client = LabClient.signedIn(system.auth());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromSystemProperties();
        LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv());
        try (BenchmarkSystem system = new BenchmarkSystem(settings)) {
            system.start();
            new EndToEndBenchmark(options, system).run(settings);
        }
        System.exit(0);
    }

    private void run(LauncherSettings settings) throws Exception {
        line("End-to-end benchmark, %s; %s; services' JVM options: %s; %d processors seen by this JVM",
                Instant.now(), options, String.join(" ", settings.serviceJvmOptions()), Runtime.getRuntime().availableProcessors());
        line("data and logs: %s", system.data());
        for (int i = 0; i < options.actors(); i++) {
            actorIds.add(client.create(system.profile().baseUri().resolve("/api/actors"), actorJson(i)));
        }
        if (options.warmup() > 0) {
            new Phase(this, "warm-up", options.warmup(), 8, 0).run(false);
        }
        if (options.pacedPosts() > 0) {
            new Phase(this, "paced at " + options.pacedRate() + "/s", options.pacedPosts(), Math.max(32, options.clients()),
                    options.pacedRate()).run(true);
        }
        if (options.posts() > 0) {
            new Phase(this, "unpaced, " + options.clients() + " clients", options.posts(), options.clients(), 0).run(true);
        }
        TopicReadRate.Result raw = TopicReadRate.readAll(system.bootstrapServers(), Topics.PROFILE_EVENTS);
        line("");
        line("== raw Kafka consumer on %s (the physical limit of the consuming side)", Topics.PROFILE_EVENTS);
        line("   %d records read from offset 0 in %.2f s = %.0f records/s (plain KafkaConsumer, String values, no processing)",
                raw.records(), raw.seconds(), raw.perSecond());
        System.out.println(report);
    }

    LabClient client() {
        return client;
    }

    BenchmarkSystem system() {
        return system;
    }

    Options options() {
        return options;
    }

    void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    /** Posts number {@code i} of a phase: needs and offers alternate, spread over the actors, categories and themes. */
    String post(String phase, int i, long[] createdNanos) throws IOException, InterruptedException {
        String actor = actorIds.get(i % actorIds.size());
        String kind = i % 2 == 0 ? "needs" : "offers";
        String id = client.create(system.profile().baseUri().resolve("/api/actors/" + actor + "/" + kind), postJson(phase, i));
        createdNanos[0] = System.nanoTime();
        return kind + "/" + id;
    }

    private static String actorJson(int i) {
        return """
                {"name": "Acteur de mesure %d", "type": "%s", "homeTerritory": "38185", "themes": ["%s"], "sdgs": [%d],
                 "description": "Acteur créé pour mesurer le débit de bout en bout"}
                """.formatted(i, ACTOR_TYPES[i % ACTOR_TYPES.length], THEMES[i % THEMES.length], 1 + i % 17);
    }

    private static String postJson(String phase, int i) {
        String theme = THEMES[i % THEMES.length];
        return """
                {"category": "%s", "form": "RESOURCES", "title": "Besoin ou offre %d (%s)",
                 "description": "Nous cherchons à partager %s autour de la thématique %s sur la métropole grenobloise",
                 "themes": ["%s"], "sdgs": [%d], "territory": {"code": "200040715", "level": "EPCI"}}
                """.formatted(CATEGORIES[(i / 2) % CATEGORIES.length], i, phase, CATEGORIES[(i / 2) % CATEGORIES.length]
                .toLowerCase(Locale.ROOT), theme.toLowerCase(Locale.ROOT), theme, 1 + i % 17);
    }

    static String millis(Histogram h, double percentile) {
        return String.format(Locale.ROOT, "%.1f ms", h.getValueAtPercentile(percentile) / 1000.0);
    }

    /** Runs {@code tasks} on {@code threads} threads and waits for all. */
    static void onThreads(int threads, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(task));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One phase of posts, its measures and its part of the report. */
    private static final class Phase {
        private final EndToEndBenchmark bench;
        private final String name;
        private final int posts;
        private final int clients;
        private final int rate;
        private final Histogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Phase(EndToEndBenchmark bench, String name, int posts, int clients, int rate) {
            this.bench = bench;
            this.name = name;
            this.posts = posts;
            this.clients = clients;
            this.rate = rate;
        }

        void run(boolean report) throws Exception {
            BenchmarkSystem system = bench.system();
            URI profileMetrics = system.profile().baseUri().resolve("/actuator/prometheus");
            URI matchmakingMetrics = system.matchmaking().baseUri().resolve("/actuator/prometheus");
            PrometheusSnapshot profileBefore = scrape(profileMetrics);
            PrometheusSnapshot matchmakingBefore = scrape(matchmakingMetrics);
            double relayed0 = profileBefore.sum("lab_relay_events_total");
            double applied0 = matchmakingBefore.sum("lab_projection_events_total");
            Timeline timeline = new Timeline(bench.client(), profileMetrics, matchmakingMetrics, relayed0, applied0, done);
            String tag = name.replaceAll("[^a-z0-9]", "");
            long start = System.nanoTime();
            try (VisibilityWatcher watcher = new VisibilityWatcher(bench.client(), bench.options().watchers())) {
                onThreads(clients, () -> {
                    long[] created = new long[1];
                    for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
                        long scheduled = rate > 0 ? start + (long) (i * 1e9 / rate) : System.nanoTime();
                        if (rate > 0) {
                            LockSupport.parkNanos(scheduled - System.nanoTime());
                        }
                        try {
                            String post = bench.post(tag, i, created);
                            latencyMicros.recordValue((created[0] - scheduled) / 1000);
                            done.incrementAndGet();
                            // Needs and offers in turn: a needs' ranking and an offers' ranking are both followed.
                            int every = bench.options().sampleEvery();
                            if (i % every == (i / every) % 2) {
                                int slash = post.indexOf('/');
                                watcher.watch(system.matchmaking().baseUri(), post.substring(0, slash), post.substring(slash + 1), created[0]);
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
                long writesEnd = System.nanoTime();
                long deadline = writesEnd + TimeUnit.MINUTES.toNanos(15);
                while ((!timeline.drained(posts) || watcher.pending() > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                timeline.close();
                if (!report) {
                    return;
                }
                PrometheusSnapshot profileAfter = scrape(profileMetrics);
                PrometheusSnapshot matchmakingAfter = scrape(matchmakingMetrics);
                double writeSeconds = (writesEnd - start) / 1e9;
                bench.line("");
                bench.line("== %s: %d posts (needs and offers alternating) over %d actors, %d client threads", name, posts,
                        bench.actorIds.size(), clients);
                bench.line("   write side: %d × 201 in %.2f s = %.0f posts/s; %d failed; latency to the 201 p50 %s, p99 %s, max %s%s",
                        done.get(), writeSeconds, done.get() / writeSeconds, failed.get(), millis(latencyMicros, 50),
                        millis(latencyMicros, 99), millis(latencyMicros, 100),
                        rate > 0 ? " (from each request's scheduled start)" : "");
                timeline.report(bench, start, posts);
                Histogram lag = watcher.lagMicros();
                bench.line("   lag from the 201 to rankable at matchmaking-service (1 post in %d, %d sampled): p50 %s, p90 %s, p99 %s, max %s;"
                                + " %d ranking asks, %d errors, a post re-asked every %.1f ms on average",
                        bench.options().sampleEvery(), lag.getTotalCount(), millis(lag, 50), millis(lag, 90), millis(lag, 99),
                        millis(lag, 100), watcher.asks(), watcher.errors(), watcher.meanReaskMillis());
                bench.line("   where the time went in profile-service (timers during the phase: count × mean = total):");
                profileAfter.timersSince(profileBefore, s -> !s.contains("/actuator"), 12).forEach(l -> bench.line("     %s", l));
                bench.line("   where the time went in matchmaking-service:");
                matchmakingAfter.timersSince(matchmakingBefore, s -> !s.contains("/actuator"), 12).forEach(l -> bench.line("     %s", l));
            }
        }

        private PrometheusSnapshot scrape(URI uri) throws IOException, InterruptedException {
            return PrometheusSnapshot.parse(bench.client().getText(uri));
        }
    }

    /** Counts sampled twice a second: posts acknowledged, events relayed to Kafka, events applied by the projection. */
    private static final class Timeline implements AutoCloseable {
        private record Sample(long nanos, int posted, double relayed, double applied, double profileCpu,
                              double matchmakingCpu, double systemCpu) {
        }

        private final List<Sample> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;
        private final double relayed0;
        private final double applied0;
        private volatile boolean running = true;

        Timeline(LabClient client, URI profile, URI matchmaking, double relayed0, double applied0, AtomicInteger posted) {
            this.relayed0 = relayed0;
            this.applied0 = applied0;
            thread = new Thread(() -> {
                while (running) {
                    try {
                        PrometheusSnapshot p = PrometheusSnapshot.parse(client.getText(profile));
                        PrometheusSnapshot m = PrometheusSnapshot.parse(client.getText(matchmaking));
                        samples.add(new Sample(System.nanoTime(), posted.get(), p.sum("lab_relay_events_total") - relayed0,
                                m.sum("lab_projection_events_total") - applied0, p.sum("process_cpu_usage"),
                                m.sum("process_cpu_usage"), p.sum("system_cpu_usage")));
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        // a missed scrape leaves a gap in the timeline, nothing more
                    }
                }
            }, "benchmark-timeline");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * The phase's posts are all relayed, and the projection has applied every event ever relayed (earlier ones,
         * such as the actors' registrations, included).
         */
        boolean drained(int posts) {
            if (samples.isEmpty()) {
                return false;
            }
            Sample last = samples.get(samples.size() - 1);
            return last.relayed() >= posts && last.applied() + applied0 >= last.relayed() + relayed0;
        }

        void report(EndToEndBenchmark bench, long start, int posts) {
            Sample last = samples.get(samples.size() - 1);
            Double allRelayed = firstAt(start, s -> s.relayed() >= posts);
            Double allApplied = firstAt(start, s -> s.applied() >= posts);
            Double tenth = firstAt(start, s -> s.applied() >= posts * 0.1);
            Double ninetieth = firstAt(start, s -> s.applied() >= posts * 0.9);
            bench.line("   relay: %.0f events to Kafka, all of them %s after the first request",
                    last.relayed(), allRelayed == null ? "not" : String.format(Locale.ROOT, "%.1f s", allRelayed));
            bench.line("   end to end: %.0f events applied by the projection; all %s after the first request = %s overall;"
                            + " from 10%% to 90%% applied: %s",
                    last.applied(), allApplied == null ? "not" : String.format(Locale.ROOT, "%.1f s", allApplied),
                    allApplied == null ? "-" : String.format(Locale.ROOT, "%.0f events/s", posts / allApplied),
                    tenth == null || ninetieth == null || ninetieth <= tenth ? "-"
                            : String.format(Locale.ROOT, "%.0f events/s", posts * 0.8 / (ninetieth - tenth)));
            bench.line("   timeline (every ~2 s: seconds, posts acknowledged, relayed, applied; CPU of profile, matchmaking, whole machine):");
            for (int i = 0; i < samples.size(); i += 4) {
                Sample s = samples.get(i);
                bench.line("     %6.1f s %7d %8.0f %8.0f   cpu %3.0f%% %3.0f%% %3.0f%%", (s.nanos() - start) / 1e9, s.posted(),
                        s.relayed(), s.applied(), 100 * s.profileCpu(), 100 * s.matchmakingCpu(), 100 * s.systemCpu());
            }
        }

        private Double firstAt(long start, java.util.function.Predicate<Sample> reached) {
            return samples.stream().filter(reached).findFirst().map(s -> (s.nanos() - start) / 1e9).orElse(null);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5000);
        }
    }
}
