package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.PostStatus;
import fr.labos.partenariats.matchmaking.support.ProfileTopicLab;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorProfileUpdatedEvent;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static fr.labos.partenariats.matchmaking.support.Posts.GRENOBLE;
import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping matchmaking-service and starting it again (same consumer group, same MongoDB) resumes at the committed
 * offsets: what was published while it was down is processed exactly once, and nothing before it again.
 */
class ProjectionResumesAfterRestartTest {

    private static final String GROUP = "it-restart";

    private static ProfileTopicLab lab;

    @BeforeAll
    static void startInfrastructure() {
        lab = ProfileTopicLab.start("it.restart.profile.events");
    }

    @AfterAll
    static void stopInfrastructure() {
        lab.close();
    }

    @Test
    void aRestartedServiceProcessesExactlyTheRecordsPublishedWhileItWasDown() throws Exception {
        // N = 6 records while the service runs.
        try (RunningMatchmaking first = startService()) {
            lab.publisher().publish("a1", 0, actor("a1", "Wimoov Isère", ActorType.ASSOCIATION));
            lab.publisher().publish("a2", 0, actor("a2", "Alyl Sécurité", ActorType.COMPANY));
            lab.publisher().publish("n1", 0, new NeedRegisteredEvent("n1", "a1", post(ResourceCategory.SKILLS).build(), Instant.now()));
            lab.publisher().publish("o1", 0, new OfferRegisteredEvent("o1", "a2", post(ResourceCategory.SKILLS).build(), Instant.now()));
            lab.publisher().publish("o2", 0, new OfferRegisteredEvent("o2", "a2", post(ResourceCategory.SKILLS).build(), Instant.now()));
            lab.publisher().publish("n2", 0, new NeedRegisteredEvent("n2", "a2", post(ResourceCategory.FUNDING).build(), Instant.now()));

            await().atMost(ofSeconds(20)).until(() -> first.events(EventOutcome.APPLIED) == 6);
            await().atMost(ofSeconds(20)).until(() -> committed() == 6);
            assertThat(first.received()).isEqualTo(6);
        }

        // M = 5 records while it is down: new posts, changes and a withdrawal of what it already holds.
        lab.publisher().publish("a3", 0, actor("a3", "Fondation Dauphiné", ActorType.FOUNDATION));
        lab.publisher().publish("o3", 0, new OfferRegisteredEvent("o3", "a3", post(ResourceCategory.SKILLS).title("Mécénat de compétences").build(), Instant.now()));
        lab.publisher().publish("a1", 1, new ActorProfileUpdatedEvent("a1", "Wimoov Sud-Isère", ActorType.ASSOCIATION, "38269", Set.of(), Set.of(), ""));
        lab.publisher().publish("o2", 1, new OfferWithdrawnEvent("o2", "a2", "plus disponible", Instant.now()));
        lab.publisher().publish("n1", 1, new NeedUpdatedEvent("n1", "a1", post(ResourceCategory.SKILLS).title("Former nos conseillers").in(GRENOBLE).build()));
        assertThat(endOffsets()).isEqualTo(11);

        try (RunningMatchmaking second = startService()) {
            await().atMost(ofSeconds(20)).until(() -> second.events(EventOutcome.APPLIED) == 5);
            await().atMost(ofSeconds(20)).until(() -> committed() == 11);

            // Every record of the topic is committed, so nothing is left to arrive: these counts are final.
            assertThat(second.received()).as("records consumed after the restart").isEqualTo(5);
            assertThat(second.events(EventOutcome.DUPLICATE)).isZero();

            // o3 arrived while the service was down; o2, withdrawn meanwhile, is gone.
            assertThat(second.getJson("/api/needs/n1/matches").findValuesAsText("offerId")).containsExactlyInAnyOrder("o1", "o3");
        }

        MongoTemplate template = lab.mongo().template();
        Map<String, ActorEntry> actors = template.findAll(ActorEntry.class).stream()
                .collect(Collectors.toMap(ActorEntry::id, Function.identity()));
        assertThat(actors).containsOnlyKeys("a1", "a2", "a3");
        assertThat(actors.get("a1").name()).isEqualTo("Wimoov Sud-Isère");
        assertThat(actors.get("a1").sequence()).isEqualTo(1);
        Map<String, PostEntry> offers = template.findAll(PostEntry.class, PostKind.OFFER.collection()).stream()
                .collect(Collectors.toMap(PostEntry::id, Function.identity()));
        assertThat(offers).containsOnlyKeys("o1", "o2", "o3");
        assertThat(offers.get("o2").status()).isEqualTo(PostStatus.WITHDRAWN);
        Map<String, PostEntry> needs = template.findAll(PostEntry.class, PostKind.NEED.collection()).stream()
                .collect(Collectors.toMap(PostEntry::id, Function.identity()));
        assertThat(needs).containsOnlyKeys("n1", "n2");
        assertThat(needs.get("n1").title()).isEqualTo("Former nos conseillers");
    }

    private static RunningMatchmaking startService() {
        return lab.startService(GROUP);
    }

    private static ActorRegisteredEvent actor(String id, String name, ActorType type) {
        return new ActorRegisteredEvent(id, name, type, "38185", Set.of(), Set.of(), "", Instant.now());
    }

    /** Sum of the group's committed offsets over the topic's partitions. */
    private static long committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = lab.admin().listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(lab.topic()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Sum of the topic's end offsets: how many records it holds. */
    private static long endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, SharedKafka.PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(lab.topic(), p), p -> OffsetSpec.latest()));
        return lab.admin().listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
