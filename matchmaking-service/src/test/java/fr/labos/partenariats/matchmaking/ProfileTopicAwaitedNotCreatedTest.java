package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Started before profile-service's relay made {@code lab.profile.events}, the service waits for the topic and never
 * creates it by subscribing: the broker would give it its own defaults (one partition, a week's retention on many
 * brokers), and the relay, finding it there, would keep it as it is — the read models could no longer be rebuilt from
 * the topic's start.
 */
class ProfileTopicAwaitedNotCreatedTest {

    @Test
    void theServiceWaitsForTheProfileTopicAndFollowsItOnceTheRelayCreatedIt() throws Exception {
        String topic = "it.not-created-yet.profile.events";
        String group = "it-not-created-yet";
        try (InMemoryMongo mongo = InMemoryMongo.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()));
             RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, group)) {

            // The projection's consumer has joined its group: it has asked the broker for the topic by then.
            await().atMost(ofSeconds(30)).until(() -> !admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group).members().isEmpty());
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);

            // The relay creates it, with the lab's partitions; the service follows it from its first event.
            admin.createTopics(List.of(new NewTopic(topic, SharedKafka.PARTITIONS, (short) 1))).all().get();
            try (ProfileEventPublisher publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic)) {
                publisher.publish("o1", 0, new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.EQUIPMENT).build(),
                        Instant.now()));
                await().atMost(ofSeconds(60)).until(() -> service.events(EventOutcome.APPLIED) == 1);
            }
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .hasSize(SharedKafka.PARTITIONS);
        }
    }
}
