package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of matchmaking-service on one event store and one MongoDB, fed by one profile topic and relaying to one
 * topic, as behind a load balancer without affinity; started with the given actors registered and in the projection.
 */
public final class TwoInstances implements AutoCloseable {

    private final InMemoryMongo mongo;
    private final ProfileEventPublisher publisher;
    private final RunningMatchmaking a;
    private final RunningMatchmaking b;

    private TwoInstances(InMemoryMongo mongo, ProfileEventPublisher publisher, RunningMatchmaking a,
                         RunningMatchmaking b) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.a = a;
        this.b = b;
    }

    /** {@code name} tells the topics and the consumer group apart from other tests'. */
    public static TwoInstances start(String name, ActorRegisteredEvent... actors) {
        String topic = SharedKafka.newTopic("it." + name + ".profile.events");
        InMemoryMongo mongo = InMemoryMongo.start();
        ProfileEventPublisher publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        String relay = "lab.relay.topic=" + SharedKafka.newTopic("it." + name + ".matchmaking.events");
        RunningMatchmaking a = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                "it-" + name, relay);
        RunningMatchmaking b = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                "it-" + name, relay, "spring.datasource.url=" + a.databaseUrl());
        for (ActorRegisteredEvent actor : actors) {
            publisher.publish(actor.actorId(), 0, actor);
        }
        String[] ids = Arrays.stream(actors).map(ActorRegisteredEvent::actorId).toArray(String[]::new);
        await().atMost(ofSeconds(60)).untilAsserted(() -> assertThat(mongo.template().findAll(ActorEntry.class))
                .extracting(ActorEntry::id).contains(ids));
        return new TwoInstances(mongo, publisher, a, b);
    }

    /** An association of Grenoble, as profile-service announces it. */
    public static ActorRegisteredEvent association(String id) {
        return new ActorRegisteredEvent(id, "Tremplin Insertion", ActorType.ASSOCIATION, "38185", Set.of(), Set.of(),
                "Chantier d'insertion", Instant.now());
    }

    /** A foundation of Grenoble's area, as profile-service announces it. */
    public static ActorRegisteredEvent foundation(String id) {
        return new ActorRegisteredEvent(id, "Fonds Alpes Solidarités", ActorType.FOUNDATION, "38151", Set.of(),
                Set.of(), "Mécénat en Isère", Instant.now());
    }

    public RunningMatchmaking a() {
        return a;
    }

    public RunningMatchmaking b() {
        return b;
    }

    /** The rows of the event store both instances write. */
    public EventStoreRows store() {
        return new EventStoreRows(a.databaseUrl());
    }

    @Override
    public void close() {
        b.close();
        a.close();
        publisher.close();
        mongo.close();
    }
}
