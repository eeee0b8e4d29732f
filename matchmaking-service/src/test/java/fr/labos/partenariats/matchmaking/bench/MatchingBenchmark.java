package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.bench.dataset.SyntheticNationalDataset;
import fr.labos.partenariats.matchmaking.engine.index.MatchingIndex;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityModel;
import fr.labos.partenariats.matchmaking.engine.model.ComplementarityWeights;
import fr.labos.partenariats.matchmaking.engine.model.FrenchText;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.engine.model.TerritoryTable;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.PostDetails;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching engine's benchmark on the deterministic synthetic national dataset: for each size, rebuild throughput
 * (events → ready index, French analysis included), heap held by the index, latency of top-10 for one need by the
 * index (single-threaded) and by brute force in the same run, their agreement (recall@10), and rankings under
 * concurrent writes. Not a test (kept out of surefire by its name); run as BENCHMARKS.md says:
 * <pre>
 * MAVEN_OPTS="-Xmx3g" mvn -B -q -pl matchmaking-service test-compile exec:java \
 *     -Dexec.mainClass=fr.labos.partenariats.matchmaking.bench.MatchingBenchmark [-Dexec.args="10000 100000 300000"]
 * </pre>
 * Prints Markdown and writes it to {@code target/benchmark.md}.
 */
public final class MatchingBenchmark {

    private static final long SEED = 20261126L;
    private static final ZoneId PARIS = LabCalendar.ZONE;
    private static final int TOP = 10;

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 300_000}
                : Arrays.stream(args).mapToInt(a -> Integer.parseInt(a.replace("_", ""))).toArray();
        new MatchingBenchmark().run(sizes);
    }

    private void run(int[] sizes) throws IOException {
        line("## Matching engine benchmark");
        line("");
        line("Machine: %d CPU cores, %s, Java %s (%s), max heap %d MB. Dataset seed %d.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20, SEED);
        line("");
        // Load what is shared by every index (the official territories, Lucene) and what the generator keeps in static
        // caches, before any heap baseline is taken: these are not the index's memory.
        TerritoryDirectory directory = TerritoryDirectory.official();
        TerritoryTable warmTable = new TerritoryTable(directory);
        FrenchText text = new FrenchText();
        text.stems("Échauffement de l'analyseur français");
        build(SyntheticNationalDataset.generate(500, SEED).eventsInOrder(), new TerritoryTable(directory), text);
        warmTable.national();

        line("| open posts | events | rebuild, events/s (one thread, event by event) | rebuild, events/s (bulk, parallel analysis) "
                + "| index heap | top-10 p50 | top-10 p99 | top-10 max | brute force p50 | brute force p99 | speed-up (mean / p50) "
                + "| recall@10 | identical top-10 |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String> details = new ArrayList<>();
        for (int size : sizes) {
            details.add(measure(size, directory, text));
        }
        line("");
        details.forEach(this::line);
        // exec:java runs in the reactor's directory: write beside this module's build output either way.
        Path out = (Files.isDirectory(Path.of("matchmaking-service")) ? Path.of("matchmaking-service", "target") : Path.of("target"))
                .resolve("benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
        text.close();
    }

    private String measure(int size, TerritoryDirectory directory, FrenchText text) {
        long heapBefore = usedHeapAfterGc();
        SyntheticNationalDataset dataset = SyntheticNationalDataset.generate(size, SEED);
        LocalDate today = dataset.referenceDate();
        List<Object> events = dataset.eventsInOrder();
        List<String> openNeeds = new ArrayList<>();
        for (NeedRegisteredEvent need : dataset.needs()) {
            if (!need.details().isExpiredOn(today)) {
                openNeeds.add(need.needId());
            }
        }

        // Rebuild as after a restart: every event in order, each analysed and inserted like the consumer does.
        long started = System.nanoTime();
        MatchingIndex index = build(events, new TerritoryTable(directory), text);
        double sequentialSeconds = (System.nanoTime() - started) / 1e9;

        // The bulk path (loading from MongoDB at start): analysis in parallel, insertion under one lock.
        started = System.nanoTime();
        MatchingIndex bulk = buildInBulk(events, new TerritoryTable(directory), text);
        double bulkSeconds = (System.nanoTime() - started) / 1e9;
        if (bulk.size(PostKind.NEED) != index.size(PostKind.NEED) || bulk.size(PostKind.OFFER) != index.size(PostKind.OFFER)) {
            throw new IllegalStateException("bulk and sequential builds differ in size");
        }
        bulk = null;

        int eventCount = events.size();
        // Index heap: everything reachable from the index once the events (and the dataset) are gone, over the
        // baseline taken before generating them. Ids and titles are shared with the events, so measuring while the
        // events are alive would undercount.
        events = null;
        dataset = null;
        long heapWithIndex = usedHeapAfterGc();
        long indexHeap = heapWithIndex - heapBefore;

        Random random = new Random(SEED + size);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(2000, openNeeds.size()); i++) {
            sample.add(openNeeds.get(random.nextInt(openNeeds.size())));
        }
        // Warm-up: let the JIT compile the ranking path before measuring it.
        for (int round = 0; round < 3; round++) {
            for (String need : sample) {
                index.matchesFor(PostKind.NEED, need, RankingFilter.none(), today, TOP);
            }
        }
        long[] fast = new long[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long t = System.nanoTime();
            index.matchesFor(PostKind.NEED, sample.get(i), RankingFilter.none(), today, TOP);
            fast[i] = System.nanoTime() - t;
        }

        // Brute force on a subset of the same needs (it is slow), after its own warm-up.
        int bruteCount = size <= 10_000 ? 1000 : size <= 100_000 ? 300 : 150;
        List<String> bruteSample = sample.subList(0, Math.min(bruteCount, sample.size()));
        for (String need : bruteSample.subList(0, Math.min(50, bruteSample.size()))) {
            index.matchesByExhaustiveScan(PostKind.NEED, need, RankingFilter.none(), today, TOP);
        }
        long[] brute = new long[bruteSample.size()];
        double recallSum = 0;
        int identical = 0;
        for (int i = 0; i < bruteSample.size(); i++) {
            String need = bruteSample.get(i);
            long t = System.nanoTime();
            List<Match> exact = index.matchesByExhaustiveScan(PostKind.NEED, need, RankingFilter.none(), today, TOP).orElseThrow();
            brute[i] = System.nanoTime() - t;
            List<Match> quick = index.matchesFor(PostKind.NEED, need, RankingFilter.none(), today, TOP).orElseThrow();
            Set<String> expected = new HashSet<>();
            exact.forEach(m -> expected.add(m.offer().id()));
            long found = quick.stream().filter(m -> expected.contains(m.offer().id())).count();
            recallSum += expected.isEmpty() ? 1 : (double) found / expected.size();
            if (quick.equals(exact)) {
                identical++;
            }
        }
        double recall = recallSum / bruteSample.size();
        // Each path timed in its own loop over the same needs (the fast loop above started with them): timing them
        // interleaved would charge the fast path for the caches the brute force just swept.
        long[] fastSame = Arrays.copyOf(fast, bruteSample.size());
        double speedUp = mean(brute) / mean(fastSame);
        double speedUpP50 = percentile(brute, 50) / percentile(fastSame, 50);

        MatchingIndex.Statistics statistics = index.statistics();
        line("| %,d | %,d | %,.0f | %,.0f | %,d MB | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %.1f ms | %.1f× / %.1f× | %.4f | %d / %d |",
                size, eventCount, eventCount / sequentialSeconds, eventCount / bulkSeconds, indexHeap >> 20,
                percentile(fast, 50), percentile(fast, 99), percentile(fast, 100),
                percentile(brute, 50), percentile(brute, 99), speedUp, speedUpP50, recall, identical, bruteSample.size());

        StringBuilder detail = new StringBuilder();
        detail.append(String.format(Locale.ROOT, "### %,d open posts%n%n", size));
        detail.append(String.format(Locale.ROOT, "- index: %,d needs and %,d offers held (expired ones included until purged), %,d actors, "
                        + "%,d stems, %,d territories; heap %,d MB (%,d bytes per post)%n",
                statistics.needs(), statistics.offers(), statistics.actors(), statistics.vocabulary(), statistics.places(),
                indexHeap >> 20, indexHeap / Math.max(1, statistics.needs() + statistics.offers())));
        detail.append(String.format(Locale.ROOT, "- rebuild: %,d events in %.1f s event by event, %.1f s in bulk%n",
                eventCount, sequentialSeconds, bulkSeconds));
        detail.append(String.format(Locale.ROOT, "- top-10 for one need, fast path, %d sampled needs: mean %.2f ms, p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
                fast.length, mean(fast) / 1e6, percentile(fast, 50), percentile(fast, 90), percentile(fast, 99), percentile(fast, 100)));
        detail.append(String.format(Locale.ROOT, "- brute force, the first %d of those needs: mean %.1f ms, p50 %.1f, p99 %.1f; fast path on the same needs: mean %.2f ms, p50 %.2f%n",
                brute.length, mean(brute) / 1e6, percentile(brute, 50), percentile(brute, 99), mean(fastSame) / 1e6, percentile(fastSame, 50)));
        detail.append(byScope(index, openNeeds, today, random));
        detail.append(partners(index, today));
        if (size == 100_000) {
            detail.append(underWrites(index, sample, today));
        }
        return detail.toString();
    }

    /** p99 by the need's territorial scope: national needs have the most candidates. */
    private String byScope(MatchingIndex index, List<String> openNeeds, LocalDate today, Random random) {
        StringBuilder out = new StringBuilder("- top-10 p50 / p99 by the need's scope:");
        for (TerritoryLevel level : TerritoryLevel.values()) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < openNeeds.size() && times.size() < 300; i++) {
                String need = openNeeds.get(i);
                if (index.standingPost(PostKind.NEED, need, today).map(p -> p.place().level() == level).orElse(false)) {
                    long t = System.nanoTime();
                    index.matchesFor(PostKind.NEED, need, RankingFilter.none(), today, TOP);
                    times.add(System.nanoTime() - t);
                }
            }
            long[] array = times.stream().mapToLong(Long::longValue).toArray();
            if (array.length > 0) {
                out.append(String.format(Locale.ROOT, " %s %.2f / %.2f ms (%d);", level.label(), percentile(array, 50),
                        percentile(array, 99), array.length));
            }
        }
        return out.append("\n").toString();
    }

    private String partners(MatchingIndex index, LocalDate today) {
        List<String> actors = new ArrayList<>();
        for (String need : index.ids(PostKind.NEED)) {
            index.standingPost(PostKind.NEED, need, today).ifPresent(p -> actors.add(p.actor().id()));
            if (actors.size() >= 300) {
                break;
            }
        }
        for (String actor : actors.subList(0, Math.min(50, actors.size()))) {
            index.partnersOf(actor, RankingFilter.none(), today, 10, 3);
            index.partnersByScoringEveryPair(actor, RankingFilter.none(), today, 10, 3);
        }
        // Each way timed in its own loop, on the same actors; then the two answers compared whole.
        long[] times = new long[actors.size()];
        for (int i = 0; i < actors.size(); i++) {
            long t = System.nanoTime();
            index.partnersOf(actors.get(i), RankingFilter.none(), today, 10, 3);
            times[i] = System.nanoTime() - t;
        }
        long[] everyPair = new long[actors.size()];
        for (int i = 0; i < actors.size(); i++) {
            long t = System.nanoTime();
            index.partnersByScoringEveryPair(actors.get(i), RankingFilter.none(), today, 10, 3);
            everyPair[i] = System.nanoTime() - t;
        }
        int identical = 0;
        for (String actor : actors) {
            if (index.partnersOf(actor, RankingFilter.none(), today, 10, 3)
                    .equals(index.partnersByScoringEveryPair(actor, RankingFilter.none(), today, 10, 3))) {
                identical++;
            }
        }
        return String.format(Locale.ROOT, "- partners of one actor (top 10, 3 pairs each), %d actors: bounded p50 %.2f ms, "
                        + "p99 %.2f ms, mean %.2f ms; every pair scored (the reference) p50 %.2f ms, p99 %.2f ms, mean %.2f ms; "
                        + "identical answers %d / %d%n",
                times.length, percentile(times, 50), percentile(times, 99), mean(times) / 1e6, percentile(everyPair, 50),
                percentile(everyPair, 99), mean(everyPair) / 1e6, identical, actors.size());
    }

    /** Two threads rank while a third re-registers offers (update events) as fast as it can, for five seconds. */
    private String underWrites(MatchingIndex index, List<String> sample, LocalDate today) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        long[][] latencies = new long[2][2_000_000];
        int[] counts = new int[2];
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int reader = r;
            threads.add(new Thread(() -> {
                int i = reader;
                while (!stop.get() && counts[reader] < latencies[reader].length) {
                    long t = System.nanoTime();
                    index.matchesFor(PostKind.NEED, sample.get(i % sample.size()), RankingFilter.none(), today, TOP);
                    latencies[reader][counts[reader]++] = System.nanoTime() - t;
                    i += 2;
                }
            }));
        }
        List<String> offers = index.ids(PostKind.OFFER);
        threads.add(new Thread(() -> {
            Random random = new Random(SEED);
            while (!stop.get()) {
                String id = offers.get(random.nextInt(offers.size()));
                index.standingPost(PostKind.OFFER, id, today).ifPresent(post -> {
                    // The same offer again with a newer sequence and another description: what OfferUpdated does.
                    index.put(new MatchingIndex.PostContent(PostKind.OFFER, id, post.actor().id(),
                            new PostDetails(post.category(), post.form(), post.title(), "Mise à jour de l'offre " + post.title(),
                                    new HashSet<>(PostFeatures.themesOf(post.themes())), new HashSet<>(PostFeatures.sdgsOf(post.sdgs())),
                                    post.place().ref(), null),
                            post.sequence() + 1, today.atStartOfDay(PARIS).toInstant()));
                    writes.incrementAndGet();
                });
            }
        }));
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.set(true);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = new long[counts[0] + counts[1]];
        System.arraycopy(latencies[0], 0, all, 0, counts[0]);
        System.arraycopy(latencies[1], 0, all, counts[0], counts[1]);
        return String.format(Locale.ROOT, "- under writes (2 ranking threads + 1 thread applying update events, %.1f s, one ReentrantReadWriteLock): "
                        + "%,.0f rankings/s and %,.0f updates/s together; ranking p50 %.2f ms, p99 %.2f ms%n",
                seconds, all.length / seconds, writes.get() / seconds, percentile(all, 50), percentile(all, 99));
    }

    public static MatchingIndex build(List<Object> events, TerritoryTable territories, FrenchText text) {
        MatchingIndex index = newIndex(territories, text);
        feed(index, events, index::put);
        index.markReady();
        return index;
    }

    private static MatchingIndex buildInBulk(List<Object> events, TerritoryTable territories, FrenchText text) {
        MatchingIndex index = newIndex(territories, text);
        List<MatchingIndex.PostContent> posts = new ArrayList<>();
        feed(index, events, posts::add);
        index.putAll(posts);
        index.markReady();
        return index;
    }

    /**
     * Feeds registration events to an index as the projection would: actors straight in, each need or offer to
     * {@code posts} (the index itself event by event, or a list for a bulk load).
     */
    static void feed(MatchingIndex index, Iterable<Object> events, Consumer<MatchingIndex.PostContent> posts) {
        for (Object event : events) {
            if (event instanceof ActorRegisteredEvent actor) {
                index.putActor(actor.actorId(), actor.name(), actor.type(), 0);
            } else if (event instanceof NeedRegisteredEvent need) {
                posts.accept(new MatchingIndex.PostContent(PostKind.NEED, need.needId(), need.actorId(), need.details(), 0, need.registeredAt()));
            } else if (event instanceof OfferRegisteredEvent offer) {
                posts.accept(new MatchingIndex.PostContent(PostKind.OFFER, offer.offerId(), offer.actorId(), offer.details(), 0, offer.registeredAt()));
            }
        }
    }

    private static MatchingIndex newIndex(TerritoryTable territories, FrenchText text) {
        return new MatchingIndex(new ComplementarityModel(ComplementarityWeights.defaults()), territories, text, PARIS);
    }

    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Percentile in milliseconds (nearest rank). */
    private static double percentile(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(Double.NaN);
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
