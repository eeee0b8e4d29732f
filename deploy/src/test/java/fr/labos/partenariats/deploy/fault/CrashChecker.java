package fr.labos.partenariats.deploy.fault;

import fr.labos.partenariats.deploy.fault.ThreeViews.IndexView;
import fr.labos.partenariats.deploy.fault.ThreeViews.ProjectedDocument;
import fr.labos.partenariats.deploy.fault.ThreeViews.StoredEvent;
import fr.labos.partenariats.deploy.fault.ThreeViews.TopicRecord;
import fr.labos.partenariats.matchmaking.introduction.history.verify.TopicAudit;
import fr.labos.partenariats.schema.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the three views with what the services acknowledged. profile-service's event store is the reference: every
 * acknowledged write must be in it, every stored event on the topic, and every stored aggregate in the projection,
 * registration included, at exactly its last sequence (a lower one is a lost write, a higher one something applied that the store never had);
 * every stored post must rank at matchmaking-service, whose index and open-post gauge must count exactly the stored
 * posts (the load never withdraws one). matchmaking-service's relay is held to the same: every introduction write it
 * acknowledged in its event store, every event of that store on {@code lab.matchmaking.events}.
 */
final class CrashChecker {

    private final CrashLab lab;
    private final LabHttp http;

    CrashChecker(CrashLab lab, LabHttp http) {
        this.lab = lab;
        this.http = http;
    }

    /**
     * Reads every view and compares them.
     *
     * @param introductions the writes matchmaking-service acknowledged, per introduction
     * @param askIndex whether to ask matchmaking-service to rank every post too (slower: one request per post)
     */
    Verdict check(Collection<PostLoad.Acknowledged> acknowledged, Map<String, Long> introductions, boolean askIndex)
            throws Exception {
        List<StoredEvent> store = ThreeViews.eventStore(lab.postgres(), "profile");
        Map<String, ProjectedDocument> projection = ThreeViews.projection(lab.mongoUri());

        Map<String, Long> lastSequence = new HashMap<>();
        Map<String, AggregateKind> kinds = new HashMap<>();
        for (StoredEvent event : store) {
            lastSequence.merge(event.aggregateId(), event.sequence(), Math::max);
            AggregateKind kind = AggregateKind.registeredBy(event.type());
            if (kind != null) {
                kinds.put(event.aggregateId(), kind);
            }
        }
        Relay profile = Relay.compare(acknowledged.stream()
                        .collect(Collectors.groupingBy(PostLoad.Acknowledged::aggregateId, Collectors.counting())),
                store, ThreeViews.topic(lab.kafkaBootstrapServers(), Topics.PROFILE_EVENTS));
        Relay matchmaking = Relay.compare(introductions,
                ThreeViews.eventStore(lab.postgres(), CrashLab.MATCHMAKING_DATABASE),
                ThreeViews.topic(lab.kafkaBootstrapServers(), Topics.MATCHMAKING_EVENTS));
        // The introductions' history from the topic alone: every hash recomputed, every published head rebuilt and
        // its signature checked with the service's key (one key, kept across its restarts).
        TopicAudit.Verdict history = TopicAudit.ofTopic(lab.kafkaBootstrapServers(), Topics.MATCHMAKING_EVENTS,
                new Properties(), lab.introductionLogPublicKey());
        Verdict.Builder verdict = new Verdict.Builder(profile, matchmaking, history);

        // Event store → projection: each aggregate at its last sequence, nothing beyond, nothing the store lacks.
        lastSequence.forEach((id, last) -> {
            ProjectedDocument document = projection.get(id);
            if (document == null || document.sequence() < last || !document.registered()) {
                verdict.lostFromProjection.add(id);
            } else if (document.sequence() > last) {
                verdict.appliedBeyondStore.add(id);
            } else if (document.kind() != AggregateKind.ACTOR && !"OPEN".equals(document.status())) {
                verdict.lostFromProjection.add(id);
            }
        });
        projection.keySet().stream().filter(id -> !lastSequence.containsKey(id)).forEach(verdict.appliedBeyondStore::add);

        // Projection → index: every stored post ranks; the index and the gauge count exactly the stored posts.
        Map<String, AggregateKind> posts = ThreeViews.posts(kinds, List.of(AggregateKind.NEED, AggregateKind.OFFER));
        Map<AggregateKind, Long> storedPosts = posts.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (askIndex) {
            IndexView index = ThreeViews.index(http, lab.matchmakingService(), posts);
            verdict.lostFromIndex.addAll(index.notRankable());
            for (AggregateKind kind : List.of(AggregateKind.NEED, AggregateKind.OFFER)) {
                long expected = storedPosts.getOrDefault(kind, 0L);
                verdict.compareCount("lab.matching.index.posts{kind=" + kind.name().toLowerCase() + "}", expected, index.indexedPosts().get(kind));
                verdict.compareCount("lab.projection.open.posts{kind=" + kind.name().toLowerCase() + "}", expected, index.openPostsGauge().get(kind));
            }
        }
        return verdict.build();
    }

    /**
     * One service's writes through its relay: every acknowledged write in its event store (as many events per
     * aggregate as writes acknowledged on it, or more), every stored event on its topic and nothing else there. A
     * topic record whose event id was seen before is a relay duplicate: counted, and harmless only if it carries the
     * same payload, aggregate and sequence.
     */
    record Relay(long acknowledgedWrites, int storedEvents, int topicRecords, int duplicates, Set<String> lostFromStore,
                 Set<String> lostFromTopic, Set<String> unknownOnTopic, Set<String> harmfulDuplicates) {

        static Relay compare(Map<String, Long> acknowledgedPerAggregate, List<StoredEvent> store, List<TopicRecord> topic) {
            Map<String, Long> eventsPerAggregate = store.stream()
                    .collect(Collectors.groupingBy(StoredEvent::aggregateId, Collectors.counting()));
            Set<String> lostFromStore = new TreeSet<>();
            acknowledgedPerAggregate.forEach((id, writes) -> {
                if (eventsPerAggregate.getOrDefault(id, 0L) < writes) {
                    lostFromStore.add(id);
                }
            });
            Map<String, TopicRecord> firstOnTopic = new HashMap<>();
            int duplicates = 0;
            Set<String> harmful = new TreeSet<>();
            for (TopicRecord record : topic) {
                TopicRecord first = firstOnTopic.putIfAbsent(record.eventId(), record);
                if (first != null) {
                    duplicates++;
                    if (!first.value().equals(record.value()) || first.sequence() != record.sequence()
                            || !first.aggregateId().equals(record.aggregateId())) {
                        harmful.add(record.eventId());
                    }
                }
            }
            Set<String> storedIds = store.stream().map(StoredEvent::eventId).collect(Collectors.toSet());
            Set<String> lostFromTopic = new TreeSet<>();
            store.stream().map(StoredEvent::eventId).filter(id -> !firstOnTopic.containsKey(id)).forEach(lostFromTopic::add);
            Set<String> unknownOnTopic = new TreeSet<>();
            firstOnTopic.keySet().stream().filter(id -> !storedIds.contains(id)).forEach(unknownOnTopic::add);
            long acknowledged = acknowledgedPerAggregate.values().stream().mapToLong(Long::longValue).sum();
            return new Relay(acknowledged, store.size(), topic.size(), duplicates, lostFromStore, lostFromTopic,
                    unknownOnTopic, harmful);
        }

        int lost() {
            return lostFromStore.size() + lostFromTopic.size();
        }

        void describe(String service, List<String> problems) {
            Verdict.describe(problems, service + ": acknowledged writes missing from the event store", lostFromStore);
            Verdict.describe(problems, service + ": stored events missing from the topic", lostFromTopic);
            Verdict.describe(problems, service + ": events on the topic that the store does not hold", unknownOnTopic);
            Verdict.describe(problems, service + ": relay duplicates whose payload differs", harmfulDuplicates);
        }
    }

    /** The figures of one comparison and what is wrong, if anything. */
    record Verdict(Relay profile, Relay matchmaking, TopicAudit.Verdict history, Set<String> lostFromProjection,
                   Set<String> appliedBeyondStore, Set<String> lostFromIndex, List<String> countMismatches) {

        boolean clean() {
            return problems().isEmpty();
        }

        int lost() {
            return profile.lost() + matchmaking.lost() + lostFromProjection.size() + lostFromIndex.size();
        }

        /** Applied twice or applied without a stored cause: beyond the store's sequence, or counted more than once. */
        int duplicatedApplied() {
            return appliedBeyondStore.size() + (int) countMismatches.stream().filter(m -> m.contains("more")).count();
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            profile.describe("profile-service", problems);
            matchmaking.describe("matchmaking-service", problems);
            describe(problems, "aggregates missing from the projection or behind the store", lostFromProjection);
            describe(problems, "projection documents ahead of the store or unknown to it", appliedBeyondStore);
            describe(problems, "posts matchmaking-service cannot rank", lostFromIndex);
            problems.addAll(countMismatches);
            history.problems().forEach(problem -> problems.add("introductions' history on the topic: " + problem));
            return problems;
        }

        private static void describe(List<String> problems, String what, Set<String> ids) {
            if (!ids.isEmpty()) {
                problems.add(ids.size() + " " + what + ", e.g. " + ids.stream().limit(5).toList());
            }
        }

        static final class Builder {
            private final Relay profile;
            private final Relay matchmaking;
            private final TopicAudit.Verdict history;
            private final Set<String> lostFromProjection = new TreeSet<>();
            private final Set<String> appliedBeyondStore = new TreeSet<>();
            private final Set<String> lostFromIndex = new TreeSet<>();
            private final List<String> countMismatches = new ArrayList<>();

            Builder(Relay profile, Relay matchmaking, TopicAudit.Verdict history) {
                this.profile = profile;
                this.matchmaking = matchmaking;
                this.history = history;
            }

            void compareCount(String metric, long expected, Double actual) {
                if (actual == null || actual.isNaN()) {
                    countMismatches.add(metric + " is not reported (expected " + expected + ")");
                } else if (actual.longValue() != expected) {
                    countMismatches.add(metric + " = " + actual.longValue() + ", " + Math.abs(actual.longValue() - expected)
                            + (actual > expected ? " more" : " fewer") + " than the " + expected + " posts stored");
                }
            }

            Verdict build() {
                return new Verdict(profile, matchmaking, history, lostFromProjection, appliedBeyondStore, lostFromIndex,
                        countMismatches);
            }
        }
    }
}
