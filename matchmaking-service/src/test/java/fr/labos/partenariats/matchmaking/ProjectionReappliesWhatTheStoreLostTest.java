package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.PostStatus;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.ProfileTopicLab;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection's progress is as durable as its documents: a MongoDB that lost its last writes (here: the last
 * documents deleted and their partitions' stored positions rolled back, as a store that died before flushing them
 * would come back) gets those events again at the next start, although Kafka's committed offsets say they were done;
 * and, when the store lost them while the service kept running (MongoDB killed and restarted between two batches, no
 * error seen by the consumer), at the next batch of that partition.
 */
class ProjectionReappliesWhatTheStoreLostTest {

    private static final String GROUP = "it-lost-writes";

    private static ProfileTopicLab lab;

    @BeforeAll
    static void startInfrastructure() {
        lab = ProfileTopicLab.start("it.lost.profile.events");
    }

    @AfterAll
    static void stopInfrastructure() {
        lab.close();
    }

    @Test
    void eventsWhoseDocumentsTheStoreLostAreAppliedAgainAtTheNextStart() throws Exception {
        RecordMetadata lostRegistration;
        RecordMetadata lostWithdrawal;
        try (RunningMatchmaking first = start()) {
            lab.publisher().publish("a1", 0, actor("a1", "Wimoov Isère"));
            lab.publisher().publish("a2", 0, actor("a2", "Fondation Dauphiné"));
            lab.publisher().publish("n1", 0, new NeedRegisteredEvent("n1", "a1", post(ResourceCategory.FUNDING).title("Plateforme mobilité").build(), Instant.now()));
            lab.publisher().publish("o1", 0, new OfferRegisteredEvent("o1", "a2", post(ResourceCategory.FUNDING).title("Mécénat mobilité").build(), Instant.now()));
            lab.publisher().publish("o2", 0, new OfferRegisteredEvent("o2", "a2", post(ResourceCategory.FUNDING).title("Bourse mobilité").build(), Instant.now()));
            lab.publisher().publish("o3", 0, new OfferRegisteredEvent("o3", "a2", post(ResourceCategory.FUNDING).title("Fonds de dotation").build(), Instant.now()));
            // The last writes of two partitions, lost below: a registration, and a withdrawal of an offer.
            lostRegistration = lab.publisher().publish("o4", 0, new OfferRegisteredEvent("o4", "a2",
                    post(ResourceCategory.FUNDING).title("Appel à projets mobilité").build(), Instant.now()));
            lostWithdrawal = lab.publisher().publish("o3", 1, new OfferWithdrawnEvent("o3", "a2", "enveloppe épuisée", Instant.now()));
            await().atMost(ofSeconds(30)).until(() -> first.events(EventOutcome.APPLIED) == 8);
            await().atMost(ofSeconds(30)).until(() -> committed() == 8);
        }
        assertThat(lostRegistration.partition()).as("pick aggregate ids on two partitions").isNotEqualTo(lostWithdrawal.partition());

        // The store comes back without its last writes: o4 never written, o3 still open at sequence 0, and the
        // positions of both partitions at those records.
        lab.mongo().template().getCollection(PostKind.OFFER.collection()).deleteOne(new Document("_id", "o4"));
        lab.mongo().template().getCollection(PostKind.OFFER.collection()).updateOne(new Document("_id", "o3"),
                new Document("$set", new Document("status", PostStatus.OPEN.name()).append("sequence", 0L).append("closedAt", null)));
        rollBack(lostRegistration);
        rollBack(lostWithdrawal);
        assertThat(committed()).as("Kafka still says every record was done").isEqualTo(8);

        try (RunningMatchmaking second = start()) {
            await().atMost(ofSeconds(30)).until(() -> second.events(EventOutcome.APPLIED) == 2);
            PostEntry o4 = lab.mongo().template().findById("o4", PostEntry.class, PostKind.OFFER.collection());
            assertThat(o4).isNotNull();
            assertThat(o4.status()).isEqualTo(PostStatus.OPEN);
            PostEntry o3 = lab.mongo().template().findById("o3", PostEntry.class, PostKind.OFFER.collection());
            assertThat(o3.status()).isEqualTo(PostStatus.WITHDRAWN);
            assertThat(o3.sequence()).isEqualTo(1);
            await().atMost(ofSeconds(10)).untilAsserted(() -> assertThat(
                    second.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactlyInAnyOrder("o1", "o2", "o4"));
            // Only what was lost came again: the positions of the other partitions held.
            assertThat(second.received()).isEqualTo(2);
            assertThat(second.events(EventOutcome.DUPLICATE)).isZero();
            await().atMost(ofSeconds(10)).until(() -> lab.mongo().template().getCollection(ProjectionPositions.COLLECTION)
                    .find(new Document("topic", lab.topic())).into(new java.util.ArrayList<>()).stream()
                    .mapToLong(position -> position.getLong("next")).sum() == 8);
        }
    }

    @Test
    void writesTheStoreLostWhileTheServiceRanAreAppliedAgainAtTheNextBatchOfThatPartition() {
        String ownTopic = SharedKafka.newTopic("it.lost-running.profile.events");
        try (InMemoryMongo ownMongo = InMemoryMongo.start();
             ProfileEventPublisher ownPublisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), ownTopic);
             RunningMatchmaking running = RunningMatchmaking.start(SharedKafka.bootstrapServers(), ownMongo.uri(),
                     ownTopic, "it-lost-writes-running")) {
            ownPublisher.publish("b1", 0, actor("b1", "Mobilité Solidaire"));
            ownPublisher.publish("b2", 0, actor("b2", "Fondation Alpes"));
            ownPublisher.publish("m1", 0, new NeedRegisteredEvent("m1", "b1", post(ResourceCategory.FUNDING).title("Plateforme mobilité").build(), Instant.now()));
            RecordMetadata lost = ownPublisher.publish("p1", 0, new OfferRegisteredEvent("p1", "b2",
                    post(ResourceCategory.FUNDING).title("Mécénat mobilité").build(), Instant.now()));
            await().atMost(ofSeconds(30)).until(() -> running.events(EventOutcome.APPLIED) == 4);

            // MongoDB crashed and came back without its last write, and without the position that covered it.
            ownMongo.template().getCollection(PostKind.OFFER.collection()).deleteOne(new Document("_id", "p1"));
            ownMongo.template().getCollection(ProjectionPositions.COLLECTION).updateOne(
                    new Document("_id", ownTopic + "/" + lost.partition()), new Document("$set", new Document("next", lost.offset())));

            // The next record of that partition: an update of the same offer, at sequence 1.
            RecordMetadata next = ownPublisher.publish("p1", 1, new OfferWithdrawnEvent("p1", "b2", "enveloppe épuisée", Instant.now()));
            assertThat(next.partition()).isEqualTo(lost.partition());

            await().atMost(ofSeconds(30)).untilAsserted(() -> {
                PostEntry p1 = ownMongo.template().findById("p1", PostEntry.class, PostKind.OFFER.collection());
                assertThat(p1).as("the lost registration applied again, then the withdrawal").isNotNull();
                assertThat(p1.registeredAt()).as("registered, not a bare tombstone").isNotNull();
                assertThat(p1.status()).isEqualTo(PostStatus.WITHDRAWN);
                assertThat(p1.sequence()).isEqualTo(1);
            });
        }
    }

    private static void rollBack(RecordMetadata lost) {
        lab.mongo().template().getCollection(ProjectionPositions.COLLECTION).updateOne(
                new Document("_id", lab.topic() + "/" + lost.partition()), new Document("$set", new Document("next", lost.offset())));
    }

    private static RunningMatchmaking start() {
        return lab.startService(GROUP);
    }

    private static ActorRegisteredEvent actor(String id, String name) {
        return new ActorRegisteredEvent(id, name, ActorType.ASSOCIATION, "38185", Set.of(), Set.of(), "", Instant.now());
    }

    private static long committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = lab.admin().listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(lab.topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
