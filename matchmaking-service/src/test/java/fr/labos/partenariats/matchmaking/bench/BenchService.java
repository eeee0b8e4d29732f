package fr.labos.partenariats.matchmaking.bench;

import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.Posts;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import fr.labos.partenariats.schema.profile.OfferRegisteredEvent;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What the benchmarks run on: one matchmaking-service in the benchmark's JVM on embedded PostgreSQL, the in-process
 * Kafka broker and mongo-java-server, rate limits off and logs quiet, with actors registered the way profile-service
 * announces them.
 */
final class BenchService implements AutoCloseable {

    private final InMemoryMongo mongo;
    private final ProfileEventPublisher publisher;
    private final RunningMatchmaking service;

    private BenchService(InMemoryMongo mongo, ProfileEventPublisher publisher, RunningMatchmaking service) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.service = service;
    }

    static BenchService start(String name) {
        String topic = SharedKafka.newTopic("bench." + name + ".profile.events");
        InMemoryMongo mongo = InMemoryMongo.start();
        ProfileEventPublisher publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        RunningMatchmaking service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic,
                "bench-" + name, "lab.limits.rate.enabled=false", "logging.level.root=WARN");
        return new BenchService(mongo, publisher, service);
    }

    RunningMatchmaking service() {
        return service;
    }

    /** {@code count} associations of Grenoble, published on the profile topic; their ids. */
    List<String> registerActors(int count) {
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String actor = "bench-actor-" + i + "-" + UUID.randomUUID();
            publisher.publish(actor, 0, new ActorRegisteredEvent(actor, "Acteur " + i, ActorType.ASSOCIATION,
                    "38185", Set.of(), Set.of(), "Banc d'essai", Instant.now()));
            actors.add(actor);
        }
        return actors;
    }

    /**
     * Two needs and two offers for each actor, of categories drawn at random (a fixed seed: every run the same), so that
     * an actor complements about a third of the others, once the engine knows them all (its index follows the topic on
     * a consumer of its own).
     */
    void postNeedsAndOffers(List<String> actors) {
        ResourceCategory[] categories = ResourceCategory.values();
        Random random = new Random(42);
        Instant now = Instant.now();
        for (int i = 0; i < actors.size(); i++) {
            for (int post = 0; post < 2; post++) {
                String need = "bench-need-" + UUID.randomUUID();
                String offer = "bench-offer-" + UUID.randomUUID();
                publisher.publish(need, 0, new NeedRegisteredEvent(need, actors.get(i), Posts.post(
                        categories[random.nextInt(categories.length)]).title("Besoin " + i).in(Posts.GRENOBLE).build(), now));
                publisher.publish(offer, 0, new OfferRegisteredEvent(offer, actors.get(i), Posts.post(
                        categories[random.nextInt(categories.length)]).title("Offre " + i).in(Posts.ISERE).build(), now));
            }
        }
        String last = actors.get(actors.size() - 1);
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                RunningMatchmaking.parse(service.get("/api/actors/" + last + "/partners?limit=1").body()).size() == 1);
    }

    /** The latency at {@code quantile} of nanoseconds sorted ascending, in milliseconds (nearest rank). */
    static double millisAt(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** Prints a benchmark's Markdown report and writes it to {@code fileName} in matchmaking-service's target. */
    static void publish(String report, String fileName) throws IOException {
        System.out.println(report);
        Path out = (Files.isDirectory(Path.of("matchmaking-service")) ? Path.of("matchmaking-service", "target")
                : Path.of("target")).resolve(fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    @Override
    public void close() {
        service.close();
        publisher.close();
        mongo.close();
    }
}
