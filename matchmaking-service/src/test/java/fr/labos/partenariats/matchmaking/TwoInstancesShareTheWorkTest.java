package fr.labos.partenariats.matchmaking;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostEntry;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.projection.PostStatus;
import fr.labos.partenariats.matchmaking.projection.ProjectionPositions;
import fr.labos.partenariats.matchmaking.support.ChildMatchmaking;
import fr.labos.partenariats.matchmaking.support.ProfileTopicLab;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferUpdatedEvent;
import fr.labos.partenariats.schema.profile.OfferWithdrawnEvent;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of matchmaking-service on one broker and one MongoDB (over the wire), behind an imaginary load
 * balancer: they share the projection's partitions through the consumer group, yet each ranks against every post.
 * Then one is killed with SIGKILL (a JVM of its own) in the middle of a wave of events: the survivor takes its
 * partitions over, and the projection ends with every event applied once, at the right sequence.
 */
class TwoInstancesShareTheWorkTest {

    private static final String GROUP = "it-two-instances";
    private static final String[] FAST_FAILOVER = {
            "spring.kafka.consumer.properties.session.timeout.ms=6000",
            "spring.kafka.consumer.properties.heartbeat.interval.ms=1000"};

    private static ProfileTopicLab lab;

    @BeforeAll
    static void startInfrastructure() {
        lab = ProfileTopicLab.start("it.two.profile.events");
    }

    @AfterAll
    static void stopInfrastructure() {
        lab.close();
    }

    @Test
    void bothRankAlikeAndTheSurvivorOfAKillTakesEverythingOver() throws Exception {
        try (RunningMatchmaking a = lab.startService(GROUP, FAST_FAILOVER);
             ChildMatchmaking b = ChildMatchmaking.start(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                     SharedKafka.bootstrapServers(), lab.mongo().uri(), lab.topic(), GROUP, FAST_FAILOVER)) {
            await().atMost(ofSeconds(300)).until(() -> members() == 2);

            int events = 0;
            for (int actor = 0; actor < 4; actor++) {
                lab.publisher().publish("actor-" + actor, 0, new ActorRegisteredEvent("actor-" + actor, "Structure " + actor,
                        actor % 2 == 0 ? ActorType.ASSOCIATION : ActorType.FOUNDATION, "38185", Set.of(), Set.of(), "", Instant.now()));
                events++;
            }
            List<String> needs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                needs.add("need-" + i);
                lab.publisher().publish("need-" + i, 0, new NeedRegisteredEvent("need-" + i, "actor-" + (2 * (i % 2)),
                        post(ResourceCategory.FUNDING).title("Financer la mobilité solidaire " + i).build(), Instant.now()));
                events++;
            }
            for (int i = 0; i < 8; i++) {
                lab.publisher().publish("offer-" + i, 0, new OfferRegisteredEvent("offer-" + i, "actor-" + (1 + 2 * (i % 2)),
                        post(ResourceCategory.FUNDING).title("Mécénat pour la mobilité " + i).build(), Instant.now()));
                events++;
            }
            int wave1 = events;
            await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(applied(a) + applied(b)).isEqualTo(wave1));
            assertThat(applied(a)).as("instance A wrote part of the projection").isPositive();
            assertThat(applied(b)).as("instance B wrote part of the projection").isPositive();
            // Each instance's index holds every post, whichever instance wrote it to MongoDB.
            for (String need : needs) {
                await().atMost(ofSeconds(30)).untilAsserted(() -> {
                    JsonNode fromA = a.getJson("/api/needs/" + need + "/matches");
                    assertThat(fromA.findValuesAsText("offerId")).hasSize(8);
                    assertThat(b.getJson("/api/needs/" + need + "/matches")).isEqualTo(fromA);
                });
            }

            // Second wave; B dies with SIGKILL in the middle of it.
            for (int i = 0; i < 8; i++) {
                lab.publisher().publish("offer-" + i, 1, new OfferUpdatedEvent("offer-" + i, "actor-" + (1 + 2 * (i % 2)),
                        post(ResourceCategory.FUNDING).title("Mécénat renouvelé " + i).build()));
                if (i == 3) {
                    b.kill();
                }
            }
            for (int i = 8; i < 12; i++) {
                lab.publisher().publish("offer-" + i, 0, new OfferRegisteredEvent("offer-" + i, "actor-" + (1 + 2 * (i % 2)),
                        post(ResourceCategory.FUNDING).title("Nouvelle aide à la mobilité " + i).build(), Instant.now()));
            }
            lab.publisher().publish("offer-0", 2, new OfferWithdrawnEvent("offer-0", "actor-1", "enveloppe épuisée", Instant.now()));
            long total = wave1 + 8 + 4 + 1;

            await().atMost(ofSeconds(90)).until(() -> members() == 1);
            await().atMost(ofSeconds(60)).until(() -> positions() == total);
            Map<String, PostEntry> offers = lab.mongo().template().findAll(PostEntry.class, PostKind.OFFER.collection()).stream()
                    .collect(Collectors.toMap(PostEntry::id, Function.identity()));
            assertThat(offers).hasSize(12);
            assertThat(offers.get("offer-0").status()).isEqualTo(PostStatus.WITHDRAWN);
            assertThat(offers.get("offer-0").sequence()).isEqualTo(2);
            for (int i = 1; i < 8; i++) {
                assertThat(offers.get("offer-" + i).sequence()).isEqualTo(1);
                assertThat(offers.get("offer-" + i).title()).isEqualTo("Mécénat renouvelé " + i);
            }
            for (int i = 8; i < 12; i++) {
                assertThat(offers.get("offer-" + i).sequence()).isZero();
            }
            // The survivor ranks every post: eleven offers stand.
            for (String need : needs) {
                await().atMost(ofSeconds(30)).untilAsserted(() ->
                        assertThat(a.getJson("/api/needs/" + need + "/matches?limit=20").findValuesAsText("offerId")).hasSize(11));
            }
            // What B had applied but not yet recorded as done came again and changed nothing.
            System.out.printf("After the kill: survivor applied %.0f, found %.0f already applied%n",
                    a.events(EventOutcome.APPLIED), a.events(EventOutcome.DUPLICATE));
        }
    }

    private static double applied(RunningMatchmaking service) {
        return service.events(EventOutcome.APPLIED);
    }

    private static double applied(ChildMatchmaking service) {
        return service.getJson("/actuator/metrics/lab.projection.events?tag=outcome:applied").at("/measurements/0/value").asDouble();
    }

    private static long positions() {
        return lab.mongo().template().getCollection(ProjectionPositions.COLLECTION).find(new Document("topic", lab.topic()))
                .into(new ArrayList<>()).stream().mapToLong(position -> position.getLong("next")).sum();
    }

    /** Members of the projection's consumer group that hold partitions of the topic. */
    private static long members() throws Exception {
        ConsumerGroupDescription group = lab.admin().describeConsumerGroups(List.of(GROUP)).all().get(5, TimeUnit.SECONDS).get(GROUP);
        return group.members().stream().map(MemberDescription::assignment)
                .filter(assignment -> assignment.topicPartitions().stream().anyMatch(p -> p.topic().equals(lab.topic()))).count();
    }
}
