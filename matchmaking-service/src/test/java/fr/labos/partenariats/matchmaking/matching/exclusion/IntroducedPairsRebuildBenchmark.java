package fr.labos.partenariats.matchmaking.matching.exclusion;

import fr.labos.partenariats.platform.testing.RelayedRecords;
import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.matching.DeclineReason;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionDeclinedEvent;
import fr.labos.partenariats.schema.matching.IntroductionExpiredEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import fr.labos.partenariats.schema.matching.IntroductionSource;
import fr.labos.partenariats.schema.matching.IntroductionWithdrawnEvent;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.MeetingHeldEvent;
import fr.labos.partenariats.schema.matching.MeetingScheduledEvent;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import fr.labos.partenariats.schema.matching.Outcome;
import fr.labos.partenariats.schema.matching.OutcomeRecordedEvent;
import fr.labos.partenariats.schema.matching.Proposer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long an instance takes to rebuild its introduced pairs from offset 0 of the introductions topic, at start.
 * Publishes N introduction events (default 100,000) on a real broker (3 partitions) as the relay writes them, then
 * rebuilds the state several times with the service's own follower, each time from scratch, and prints a report.
 * Run on request: {@code mvn -pl matchmaking-service test-compile exec:java
 * -Dexec.mainClass=fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairsRebuildBenchmark
 * [-Dbench.events=100000] [-Dbench.actors=5000]}.
 */
public final class IntroducedPairsRebuildBenchmark {

    private static final String TOPIC = "bench.matchmaking.events";
    private static final int RUNS = 3;

    private IntroducedPairsRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 100_000);
        int actors = Integer.getInteger("bench.actors", 5_000);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try {
            broker.addTopics(new NewTopic(TOPIC, 3, (short) 1));
            long publishStart = System.nanoTime();
            Map<String, Integer> byType = publish(broker.getBrokersAsString(), events, actors);
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            System.out.printf("%nIntroduced pairs: rebuild from offset 0%n");
            System.out.printf("published %,d events (%s) in %.1f s (%.0f/s)%n", events, byType, publishSeconds,
                    events / publishSeconds);
            Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
            for (int run = 1; run <= RUNS; run++) {
                System.gc();
                long heapBefore = usedHeap();
                IntroducedPairs pairs = new IntroducedPairs();
                IntroductionEventTail tail = new IntroductionEventTail(consumer, TOPIC, pairs);
                long start = System.nanoTime();
                tail.start();
                if (!pairs.awaitCaughtUp(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("not caught up after 10 minutes");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                tail.stop();
                System.gc();
                long heap = usedHeap() - heapBefore;
                int setAside = 0;
                for (int a = 0; a < actors; a++) {
                    setAside += pairs.excludedPartnersOf("actor-" + a).size();
                }
                System.out.printf("run %d: caught up in %.2f s (%,.0f events/s), %,d introductions, %,d pairs set aside,"
                        + " state ≈ %,d KB of heap%n", run, seconds, events / seconds, pairs.introductionCount(),
                        setAside / 2, heap / 1024);
                if (run == RUNS) {
                    askedPerRanking(pairs, actors);
                }
            }
            System.out.printf("machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            broker.destroy();
        }
    }

    /** What the engine pays per ranking: one look-up of the subject's set-aside partners. */
    private static void askedPerRanking(IntroducedPairs pairs, int actors) {
        int calls = 2_000_000;
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += pairs.excludedPartnersOf("actor-" + (i % actors)).size();
        }
        double nanos = (System.nanoTime() - start) / (double) calls;
        System.out.printf("excludedPartnersOf: %.0f ns per call (%d)%n", nanos, sink % 10);
    }

    private static Map<String, Integer> publish(String bootstrap, int events, int actors) {
        Random random = new Random(20_260_302);
        Map<String, Integer> byType = new HashMap<>();
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new StringSerializer())) {
            int sent = 0;
            for (int n = 0; sent < events; n++) {
                String id = "intro-" + n;
                List<Object> steps = lifecycle(id, random, actors, now);
                for (int seq = 0; seq < steps.size() && sent < events; seq++, sent++) {
                    Object event = steps.get(seq);
                    byType.merge(event.getClass().getSimpleName().replace("Event", ""), 1, Integer::sum);
                    producer.send(RelayedRecords.record(TOPIC, id, seq, event, now, null));
                }
            }
            producer.flush();
        }
        return byType;
    }

    /** One introduction's steps, in the proportions of a lab: many answered, some open, some leading somewhere. */
    private static List<Object> lifecycle(String id, Random random, int actors, Instant at) {
        String actor = "actor-" + random.nextInt(actors);
        String partner;
        do {
            partner = "actor-" + random.nextInt(actors);
        } while (partner.equals(actor));
        List<Object> steps = new ArrayList<>();
        steps.add(new IntroductionProposedEvent(id, IntroductionSource.MATCHER, actor, partner,
                List.of(new NeedOfferPair("need-" + id, "offer-" + id)),
                new MatchSnapshot("complementarity-v4", 0.72, Map.of("category", 1.0, "territory", 0.8, "purpose", 0.6),
                        "Financeur de la mobilité solidaire en Isère, qui répond à votre besoin."),
                new Proposer("u-facilitator", "FACILITATOR"), null, at, at.plus(Duration.ofDays(14)), null));
        int fate = random.nextInt(100);
        if (fate < 15) {
            return steps;                                                   // still open
        }
        if (fate < 35) {
            steps.add(new IntroductionExpiredEvent(id, at));
            return steps;
        }
        if (fate < 40) {
            steps.add(new IntroductionWithdrawnEvent(id, "doublon", at));
            return steps;
        }
        steps.add(new IntroductionAcceptedEvent(id, actor, false, at));
        if (fate < 65) {
            DeclineReason[] reasons = DeclineReason.values();
            steps.add(new IntroductionDeclinedEvent(id, partner, reasons[random.nextInt(reasons.length)], null, at));
            return steps;
        }
        steps.add(new IntroductionAcceptedEvent(id, partner, true, at));
        steps.add(new MeetingScheduledEvent(id, "m-" + id, at.plus(Duration.ofDays(7)), "Mairie", at));
        steps.add(new MeetingHeldEvent(id, "m-" + id, null, at));
        Outcome outcome = Outcome.values()[random.nextInt(3)];
        steps.add(new OutcomeRecordedEvent(id, outcome, LocalDate.now(), null,
                outcome == Outcome.PARTNERSHIP_FORMED ? PartnershipForm.values()[0] : null,
                outcome == Outcome.PARTNERSHIP_FORMED ? ResourceCategory.FUNDING : null, at));
        return steps;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
