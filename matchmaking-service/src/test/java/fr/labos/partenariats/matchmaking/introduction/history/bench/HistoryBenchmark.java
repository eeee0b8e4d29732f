package fr.labos.partenariats.matchmaking.introduction.history.bench;

import fr.labos.partenariats.matchmaking.introduction.history.CanonicalEvent;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerification;
import fr.labos.partenariats.matchmaking.introduction.history.ChainVerifier;
import fr.labos.partenariats.matchmaking.introduction.history.HistoryStep;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ConsistencyProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.Hash;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.InclusionProof;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleProofs;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.MerkleTree;
import fr.labos.partenariats.matchmaking.introduction.history.merkle.ProofJson;
import fr.labos.partenariats.matchmaking.introduction.history.verify.RelayedHistory;
import fr.labos.partenariats.matchmaking.introduction.history.verify.TopicAudit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The cost of the introductions' history, in memory: verifying a 1,000-step hash chain, the size and time of
 * inclusion and consistency proofs in a tree of a million events (plus the time to rebuild that tree from its stored
 * leaf hashes, which is what a restart costs), and the audit of a topic of 200,000 introduction events. Prints a Markdown report. Run with:
 * {@code MAVEN_OPTS="-Xmx1g" mvn -B -q -pl matchmaking-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.labos.partenariats.matchmaking.introduction.history.bench.HistoryBenchmark}
 */
public final class HistoryBenchmark {

    private static final int CHAIN_STEPS = 1_000;
    private static final int TREE_SIZE = 1_000_000;
    private static final int PROOFS = 10_000;
    private static final int TOPIC_INTRODUCTIONS = 40_000;

    private HistoryBenchmark() {
    }

    public static void main(String[] args) {
        int treeSize = args.length > 0 ? Integer.parseInt(args[0]) : TREE_SIZE;
        System.out.println("## Introductions' history (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + ")");
        System.out.println();
        chain();
        tree(treeSize);
        topicAudit(args.length > 1 ? Integer.parseInt(args[1]) : TOPIC_INTRODUCTIONS);
    }

    /**
     * The standalone verifier's audit of the topic, once its records are read: every introduction's events (five
     * each) hashed again from their records, chained, leafed, and a head every 1,000 events rebuilt and its signature
     * checked. Kafka's reading is not in the figure.
     */
    private static void topicAudit(int introductions) {
        RelayedHistory history = new RelayedHistory();
        for (int i = 0; i < introductions; i++) {
            history.introduction("intro-" + i, 5);
            if ((i + 1) % 200 == 0) {
                history.head();
            }
        }
        long events = history.tree().size();
        double[] millis = repeat(3, () -> {
            long start = System.nanoTime();
            TopicAudit.Verdict verdict = history.audit(history.serviceKey());
            long took = System.nanoTime() - start;
            if (!verdict.holds()) {
                throw new IllegalStateException("the benchmark's topic must hold: " + verdict.lines());
            }
            return took;
        }, 1);
        System.out.printf(Locale.ROOT, "Audit of a topic of %,d introduction events (%,d introductions, %,d signed "
                        + "heads), records in memory: median %.2f s, i.e. %,.0f events/s (3 runs after a warm-up run)%n",
                events, introductions, events / 1_000, percentile(millis, 50) / 1e3,
                events / (percentile(millis, 50) / 1e3));
        System.out.println();
    }

    private static void chain() {
        List<HistoryStep> steps = HistoryStep.chain(events(CHAIN_STEPS));
        long bytes = steps.stream().mapToLong(step -> step.event().bytes().length).sum();
        double[] millis = repeat(50, () -> {
            long start = System.nanoTime();
            ChainVerification verification = ChainVerifier.verify(steps);
            long took = System.nanoTime() - start;
            if (!verification.chainHolds()) {
                throw new IllegalStateException("the benchmark's chain must hold");
            }
            return took;
        });
        System.out.println("Hash chain of " + CHAIN_STEPS + " steps (" + bytes / CHAIN_STEPS
                + " canonical bytes per step on average), verified in memory, 50 runs after 20 warm-up runs:");
        System.out.println();
        System.out.println("| median | p90 | max |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| %.2f ms | %.2f ms | %.2f ms |%n", percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 100));
        System.out.println();
    }

    private static void tree(int size) {
        Random random = new Random(2026);
        byte[] leaf = new byte[400];
        MerkleTree tree = new MerkleTree();
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            random.nextBytes(leaf);
            tree.append(leaf);
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        List<Hash> leafHashes = new ArrayList<>(size);
        for (long i = 0; i < size; i++) {
            leafHashes.add(tree.leafHash(i));
        }
        start = System.nanoTime();
        MerkleTree rebuilt = new MerkleTree();
        leafHashes.forEach(rebuilt::appendLeafHash);
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        leafHashes = null;
        start = System.nanoTime();
        Hash root = tree.rootHash();
        double rootMicros = (System.nanoTime() - start) / 1e3;
        if (!root.equals(rebuilt.rootHash())) {
            throw new IllegalStateException("a rebuilt tree must have the same head");
        }

        System.out.printf(Locale.ROOT, "Merkle tree of %,d events (400-byte leaves): appended in %.1f s (%,.0f events/s); "
                        + "rebuilt from its leaf hashes (a restart) in %.2f s; root hash in %.0f µs.%n%n",
                size, appendSeconds, size / appendSeconds, rebuildSeconds, rootMicros);

        long[] inclusionLeaves = random.longs(PROOFS, 0, size).toArray();
        List<InclusionProof> inclusions = new ArrayList<>(PROOFS);
        double[] inclusionMicros = timeEach(PROOFS, i -> inclusions.add(tree.inclusionProof(inclusionLeaves[i], size)));
        double[] inclusionVerifyMicros = timeEach(PROOFS, i -> require(MerkleProofs.verifyInclusion(
                tree.leafHash(inclusionLeaves[i]), inclusions.get(i), root)));
        int[] inclusionHashes = inclusions.stream().mapToInt(proof -> proof.path().size()).toArray();
        int[] inclusionBytes = new int[PROOFS];
        for (int i = 0; i < PROOFS; i++) {
            inclusionBytes[i] = ProofJson.write(inclusions.get(i), tree.leafHash(inclusionLeaves[i])).toString()
                    .getBytes(StandardCharsets.UTF_8).length;
        }

        long[] firstSizes = random.longs(PROOFS, 1, size).toArray();
        List<ConsistencyProof> consistencies = new ArrayList<>(PROOFS);
        double[] consistencyMicros = timeEach(PROOFS, i -> consistencies.add(tree.consistencyProof(firstSizes[i], size)));
        Hash[] firstRoots = new Hash[PROOFS];
        for (int i = 0; i < PROOFS; i++) {
            firstRoots[i] = tree.rootHash(firstSizes[i]);
        }
        double[] consistencyVerifyMicros = timeEach(PROOFS, i -> require(MerkleProofs.verifyConsistency(
                firstRoots[i], root, consistencies.get(i))));
        int[] consistencyHashes = consistencies.stream().mapToInt(proof -> proof.path().size()).toArray();
        int[] consistencyBytes = consistencies.stream()
                .mapToInt(proof -> ProofJson.write(proof).toString().getBytes(StandardCharsets.UTF_8).length).toArray();

        System.out.printf(Locale.ROOT, "%,d proofs of each kind against the head of %,d events (random leaves; "
                + "random earlier sizes), after %,d warm-up proofs:%n%n", PROOFS, size, PROOFS);
        System.out.println("| proof | hashes (max) | JSON bytes (median / max) | generate median / p99 | verify median / p99 |");
        System.out.println("|---|---|---|---|---|");
        row("inclusion", inclusionHashes, inclusionBytes, inclusionMicros, inclusionVerifyMicros);
        row("consistency", consistencyHashes, consistencyBytes, consistencyMicros, consistencyVerifyMicros);
        System.out.println();
    }

    private static void row(String name, int[] hashes, int[] bytes, double[] generate, double[] verify) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d / %d | %.1f µs / %.1f µs | %.1f µs / %.1f µs |%n", name,
                Arrays.stream(hashes).max().orElse(0), (int) percentile(toDoubles(bytes), 50),
                Arrays.stream(bytes).max().orElse(0), percentile(generate, 50), percentile(generate, 99),
                percentile(verify, 50), percentile(verify, 99));
    }

    /** A believable introduction history: a proposal, answers, meetings and outcomes, with principal metadata. */
    static List<CanonicalEvent> events(int count) {
        List<CanonicalEvent> events = new ArrayList<>(count);
        Instant at = Instant.parse("2026-01-05T09:00:00.123Z");
        for (int i = 0; i < count; i++) {
            String payload = "{\"introductionId\":\"c3a1f0d2-6b7e-4c58-9d2a-7e1b4f5a6c90\",\"outcome\":"
                    + "\"FOLLOW_UP_PLANNED\",\"day\":\"2026-02-0" + (1 + i % 9) + "\",\"note\":\"Rendez-vous de suivi "
                    + "prévu avec la mairie pour le prêt de la salle, étape " + i + "\",\"form\":null,\"category\":null}";
            Map<String, Object> metadata = Map.of("principalSubject", "u-7f3c9a" + i % 7, "principalRole", "FACILITATOR",
                    "actingFor", "actor-" + i % 2, "traceId", "2f0c1e8a-5d3b-4a7c-9e6f-" + String.format("%012d", i),
                    "correlationId", "2f0c1e8a-5d3b-4a7c-9e6f-" + String.format("%012d", i));
            events.add(CanonicalEvent.of("fr.labos.partenariats.schema.matching.OutcomeRecordedEvent", "1", payload,
                    metadata, at.plusSeconds(3_600L * i), null));
        }
        return events;
    }

    private interface Indexed {
        void run(int i);
    }

    private static double[] timeEach(int count, Indexed action) {
        for (int i = 0; i < count; i++) {
            action.run(i); // warm-up: the same work, so that the JIT has compiled it
        }
        double[] micros = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            action.run(i);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        return micros;
    }

    private static double[] repeat(int runs, LongSupplier nanos) {
        return repeat(runs, nanos, 20);
    }

    private static double[] repeat(int runs, LongSupplier nanos, int warmUps) {
        for (int i = 0; i < warmUps; i++) {
            nanos.getAsLong();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = nanos.getAsLong() / 1e6;
        }
        return millis;
    }

    private static void require(boolean holds) {
        if (!holds) {
            throw new IllegalStateException("a proof of the benchmark's own tree must hold");
        }
    }

    private static double[] toDoubles(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
