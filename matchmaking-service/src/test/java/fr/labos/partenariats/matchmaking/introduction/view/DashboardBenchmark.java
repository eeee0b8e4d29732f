package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.dashboard.DashboardInMemoryBenchmark;
import fr.labos.partenariats.matchmaking.projection.MatchingProjection;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.IntroductionStories;
import fr.labos.partenariats.matchmaking.support.IntroductionStories.Told;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.Sdg;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Dashboard queries over HTTP with N introductions in the read model (default 100,000), on mongo-java-server (the
 * in-memory MongoDB stand-in, over the wire) and an in-process Kafka broker, matchmaking-service in this JVM. The
 * profile projection (actors, needs, offers) and the introduction views are written straight through their own
 * projection classes, not through Kafka: what is measured is the query, not the feed. Each introduction follows a
 * lifecycle cut at a random step (waiting, declined, expired, withdrawn, accepted, met, follow-up, partnership), over
 * two years, between actors spread over every département. Then the same queries in memory alone
 * ({@link DashboardInMemoryBenchmark}): the dashboards' table build, and each query's computation without HTTP, on
 * the table and by the per-fact computation it replaced.
 *
 * <pre>
 * mvn -pl matchmaking-service -am -DskipTests install
 * mvn -pl matchmaking-service test-compile exec:java \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.introduction.view.DashboardBenchmark \
 *     [-Dbench.introductions=100000] [-Dbench.actors=5000] [-Dbench.queries=200] [-Dbench.only=follow-up]
 * </pre>
 */
public final class DashboardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUERIES = List.of(
            "funnel", "funnel?departement=38&from=2025-06-01&to=2025-12-31", "territories", "territories?level=region",
            "family-pairs", "family-pairs?family=PUBLIC", "categories", "categories?category=FUNDING", "sdgs",
            "periods?granularity=week", "periods?granularity=month&region=84", "delays", "territories?format=csv");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            status = 1;
        }
        // The broker's threads would keep the JVM alive.
        System.exit(status);
    }

    private static void run() throws Exception {
        int introductions = Integer.getInteger("bench.introductions", 100_000);
        int actors = Integer.getInteger("bench.actors", 5_000);
        int queries = Integer.getInteger("bench.queries", 200);
        System.out.printf("machine: %d cores, load average at the start: %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        try (InMemoryMongo mongo = InMemoryMongo.start()) {
            long started = System.nanoTime();
            fillProfiles(mongo, actors);
            long events = fillIntroductions(mongo, introductions, actors);
            System.out.printf("read model written in %.1f s: %,d actors, %,d needs and %,d offers, %,d introductions (%,d events)%n",
                    (System.nanoTime() - started) / 1e9, actors, actors, actors, introductions, events);
            String profileTopic = SharedKafka.newTopic("bench.dashboard.profile.events");
            String topic = SharedKafka.newTopic("bench.dashboard.matchmaking.events");
            try (RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(),
                    profileTopic, "bench-dashboard", "matchmaking.introduction-views.topic=" + topic,
                    "matchmaking.introduction-views.group-id=bench-dashboard-views", "lab.limits.rate.enabled=false")) {
                if ("follow-up".equals(System.getProperty("bench.only"))) {
                    followUpList(service, Math.max(10, queries / 20));
                    return;
                }
                long first = System.nanoTime();
                HttpResponse<String> cold = firstAnswer(service);
                System.out.printf("first answer after the start (the %,d introductions' milestones read, their actors and posts): %d ms, status %d, %s%n",
                        introductions, (System.nanoTime() - first) / 1_000_000, cold.statusCode(),
                        cold.body().substring(0, Math.min(160, cold.body().length())));
                for (String query : QUERIES) {
                    measure(service, query, Math.max(20, queries / 10));
                }
                System.out.printf("%n%-60s %8s %8s %8s %8s%n", "GET /api/dashboard/…", "p50 ms", "p99 ms", "max ms", "bytes");
                // What any request costs here (sign-in, HTTP, one read by id, a problem document), for comparison.
                List<Double> baseline = measure(service, "/api/introductions/none", queries, 404);
                System.out.printf("%-60s %8.1f %8.1f %8.1f%n", "(baseline: GET /api/introductions/none, 404)",
                        percentile(baseline, 50), percentile(baseline, 99), percentile(baseline, 100));
                List<Double> all = new ArrayList<>();
                for (String query : QUERIES) {
                    List<Double> millis = measure(service, query, queries);
                    all.addAll(millis);
                    System.out.printf("%-60s %8.1f %8.1f %8.1f %8d%n", query, percentile(millis, 50), percentile(millis, 99),
                            percentile(millis, 100), service.get("/api/dashboard/" + query).body().length());
                }
                System.out.printf("%-60s %8.1f %8.1f %8.1f%n", "all queries", percentile(all, 50), percentile(all, 99), percentile(all, 100));
                followUpList(service, Math.max(10, queries / 20));
                System.out.printf("machine load average after the HTTP queries: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
                DashboardInMemoryBenchmark.report(service.context(), 20, queries, System.out);
                System.out.printf("machine load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
    }

    /**
     * The facilitators' follow-up list ({@code GET /api/introductions}), computed from the views at each request: for
     * an admin, over every introduction of the lab; for the facilitator of a département and of a région, over its
     * actors' ones. The région's, far slower on the stand-in, is asked fewer times, and waited for up to five minutes.
     */
    private static void followUpList(RunningMatchmaking service, int times) throws IOException {
        System.out.printf("%n%-60s %8s %8s %8s %8s%n", "GET /api/introductions (follow-up list)", "p50 ms", "p99 ms", "max ms", "lines");
        record Reader(String name, String token, int times, int warmUps, String narrowed) {
        }
        String region = TestTokens.facilitator("REGION:84").sign();
        for (Reader reader : List.of(new Reader("admin", TestTokens.admin().sign(), times, 2, ""),
                new Reader("facilitator of Isère", TestTokens.facilitator("DEPARTEMENT:38").sign(), times, 2, ""),
                new Reader("facilitator of Auvergne-Rhône-Alpes", region, 3, 1, ""),
                // The région's facilitator working through Isère (?territory=), and an admin the same.
                new Reader("facilitator of Auvergne-Rhône-Alpes, Isère", region, times, 2, "&territory=DEPARTEMENT:38"),
                new Reader("admin, Isère", TestTokens.admin().sign(), times, 2, "&territory=DEPARTEMENT:38"))) {
            for (String query : List.of("?toFollow=true" + reader.narrowed(), "?status=accepted&limit=500" + reader.narrowed())) {
                List<Double> millis = new ArrayList<>();
                HttpResponse<String> last = null;
                for (int i = 0; i < reader.times() + reader.warmUps(); i++) {
                    long started = System.nanoTime();
                    last = service.get("/api/introductions" + query, reader.token(), Duration.ofMinutes(5));
                    if (i >= reader.warmUps()) {
                        millis.add((System.nanoTime() - started) / 1e6);
                    }
                    if (last.statusCode() != 200) {
                        throw new IllegalStateException(query + " answered " + last.statusCode() + ": " + last.body());
                    }
                }
                int total = JSON.readTree(last.body()).path("total").asInt();
                System.out.printf("%-60s %8.1f %8.1f %8.1f %,8d%n", reader.name() + ", " + query, percentile(millis, 50),
                        percentile(millis, 99), percentile(millis, 100), total);
            }
        }
    }

    /** The first dashboard answered: the facts load in the background at start, a request may time out meanwhile. */
    private static HttpResponse<String> firstAnswer(RunningMatchmaking service) {
        // A 503 (MongoDB slow to answer while the facts load) or a client timeout: ask again, for up to 60 attempts.
        Object last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                HttpResponse<String> response = service.get("/api/dashboard/funnel");
                if (response.statusCode() == 200) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no dashboard answered in 60 attempts; last: " + last);
    }

    private static List<Double> measure(RunningMatchmaking service, String query, int times) {
        return measure(service, "/api/dashboard/" + query, times, 200);
    }

    private static List<Double> measure(RunningMatchmaking service, String path, int times, int expected) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = service.get(path);
            millis.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return millis;
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One need and one offer per actor; actors in random communes of France, random types and SDGs. */
    private static void fillProfiles(InMemoryMongo mongo, int actors) {
        Random random = new Random(20261202L);
        List<String> communes = TerritoryDirectory.official().communeCodes();
        ActorType[] types = ActorType.values();
        ResourceCategory[] categories = ResourceCategory.values();
        MatchingProjection profiles = new MatchingProjection(mongo.template());
        List<ProfileEvent> batch = new ArrayList<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < actors; i++) {
            String id = "actor-" + i;
            Set<Sdg> sdgs = IntStream.range(0, 1 + random.nextInt(3)).mapToObj(k -> Sdg.of(1 + random.nextInt(17))).collect(Collectors.toSet());
            batch.add(new ProfileEvent(id, "ActorRegisteredEvent", id, 0, at, new ActorRegisteredEvent(id, "Acteur " + i,
                    types[random.nextInt(types.length)], communes.get(random.nextInt(communes.size())), Set.of(), sdgs, "", at)));
            batch.add(new ProfileEvent("n" + id, "NeedRegisteredEvent", "need-" + i, 0, at,
                    new NeedRegisteredEvent("need-" + i, id, Posts.post(categories[random.nextInt(categories.length)]).build(), at)));
            batch.add(new ProfileEvent("o" + id, "OfferRegisteredEvent", "offer-" + i, 0, at,
                    new OfferRegisteredEvent("offer-" + i, id, Posts.post(categories[random.nextInt(categories.length)]).build(), at)));
            if (batch.size() >= 3_000) {
                profiles.applyAll(batch);
                batch.clear();
            }
        }
        profiles.applyAll(batch);
    }

    /** Each introduction a lifecycle cut at a random step; written in batches as the consumer writes them. */
    private static long fillIntroductions(InMemoryMongo mongo, int introductions, int actors) {
        Random random = new Random(20261203L);
        IntroductionViewProjection views = new IntroductionViewProjection(mongo.template(), Clock.systemUTC(),
                new IntroductionViewProperties("bench", "bench", "", false));
        Instant start = Instant.parse("2024-12-01T00:00:00Z");
        long events = 0;
        List<IntroductionEvent> batch = new ArrayList<>();
        for (int i = 0; i < introductions; i++) {
            int a = random.nextInt(actors);
            int b = (a + 1 + random.nextInt(actors - 1)) % actors;
            String id = "intro-" + i;
            Instant t0 = start.plus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
            NeedOfferPair pair = new NeedOfferPair("need-" + a, "offer-" + b);
            List<Told> story = story(random, id, "actor-" + a, "actor-" + b, pair, t0);
            for (Told told : story) {
                batch.add(new IntroductionEvent(id + "#" + told.sequence(), EventCatalog.typeName(told.event().getClass()),
                        id, told.sequence(), told.at(), told.event(), told.principal() == null ? null : told.principal().subject(),
                        told.principal() == null ? null : told.principal().role(),
                        told.principal() == null ? null : told.principal().actingFor()));
            }
            events += story.size();
            if (batch.size() >= 3_000) {
                views.applyAll(batch);
                batch.clear();
            }
            if (i % 20_000 == 0) {
                System.out.printf("introductions written: %,d%n", i);
            }
        }
        views.applyAll(batch);
        return events;
    }

    private static List<Told> story(Random random, String id, String actor, String partner, NeedOfferPair pair, Instant t0) {
        int kind = random.nextInt(100);
        IntroductionStories stories = new IntroductionStories();
        if (kind < 15) {
            return stories.waiting(id, actor, partner, t0, Duration.ofDays(14)).events();
        }
        if (kind < 30) {
            return stories.declined(id, actor, partner, pair, t0).events();
        }
        if (kind < 45) {
            return stories.expired(id, actor, partner, pair, t0).events();
        }
        if (kind < 50) {
            return stories.withdrawn(id, actor, partner, t0).events();
        }
        List<Told> full = stories.fullLifecycle(id, actor, partner, pair, t0).events();
        // 3: accepted, 5: met, 6: follow-up planned, 7: partnership formed.
        int[] cuts = {3, 3, 5, 5, 6, 7};
        return full.subList(0, cuts[random.nextInt(cuts.length)]);
    }
}
