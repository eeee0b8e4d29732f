package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.projection.PostKind;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failure that may heal (MongoDB away) holds the record back and retries it; it is never skipped. */
class ProjectionWaitsForMongoTest {

    @Test
    void aRecordThatCannotBeWrittenIsRetriedUntilMongoComesBackNotSkipped() {
        String topic = SharedKafka.newTopic("it.mongo-away.profile.events");
        int port = InMemoryMongo.freePort();
        // Nothing listens on that port yet; a short server selection timeout makes each attempt fail fast.
        String uri = InMemoryMongo.uriFor(port) + "?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
        try (ProfileEventPublisher publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
             RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), uri, topic, "it-mongo-away")) {

            publisher.publish("o1", 0, new OfferRegisteredEvent("o1", "a1", post(ResourceCategory.EQUIPMENT).build(), Instant.now()));

            // Several retry rounds go by (back-off 100 ms doubling to 1 s) and the record is neither applied nor given up.
            await().during(ofSeconds(3)).atMost(ofSeconds(10)).pollInterval(ofMillis(200)).until(() ->
                    service.received() == 0);

            try (InMemoryMongo mongo = InMemoryMongo.start(port)) {
                await().atMost(ofSeconds(20)).until(() -> service.events(EventOutcome.APPLIED) == 1);
                assertThat(service.events(EventOutcome.POISON)).isZero();
                assertThat(mongo.rawDocuments(PostKind.OFFER.collection())).hasSize(1);
            }
        }
    }
}
