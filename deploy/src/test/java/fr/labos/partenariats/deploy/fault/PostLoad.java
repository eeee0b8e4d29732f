package fr.labos.partenariats.deploy.fault;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A steady load of writes through profile-service's REST API by a few concurrent clients, each acting for an actor of
 * its own: it registers the actor, then posts needs and offers in turn and now and then updates one of its posts.
 * Whatever profile-service acknowledges (a {@code 201} or a {@code 204}) is recorded; a refused or unanswered request
 * (the service is being killed, or restarting) is counted and the client goes on with its next write.
 */
final class PostLoad implements AutoCloseable {

    /** A write profile-service acknowledged: the aggregate it created or changed, and what kind that aggregate is. */
    record Acknowledged(AggregateKind kind, String aggregateId, boolean update) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPDATE_EVERY = 5;

    private final LabHttp http;
    private final URI profileService;
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicReference<Acknowledged> latestPost = new AtomicReference<>();
    private final ScheduledExecutorService clients;

    /**
     * Starts {@code clients} clients, each writing once per {@code period} (so about clients / period writes a second
     * while profile-service answers promptly).
     */
    PostLoad(LabHttp http, URI profileService, int clients, Duration period) {
        this.http = http;
        this.profileService = profileService;
        this.clients = Executors.newScheduledThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            Client client = new Client(i);
            // With a fixed delay, a slow or refused request delays this client's next write instead of piling writes up.
            this.clients.scheduleWithFixedDelay(client::writeOnce, i * 37L, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    long acknowledgedCount() {
        return acknowledged.size();
    }

    long unansweredCount() {
        return unanswered.get();
    }

    /** The need or offer registered last, if any. */
    java.util.Optional<Acknowledged> latestPost() {
        return latestPost.get() == null ? java.util.Optional.empty() : java.util.Optional.of(latestPost.get());
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** The ids of the actors registered so far, in the order they were. */
    List<String> actors() {
        return acknowledged.stream().filter(write -> write.kind() == AggregateKind.ACTOR).map(Acknowledged::aggregateId)
                .toList();
    }

    /** Stops writing; returns once no request is in flight any more. */
    @Override
    public void close() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }

    /** One actor's writes; runs on one thread at a time. */
    private final class Client {

        private final int number;
        private final List<Acknowledged> posts = new ArrayList<>();
        private String actorId;
        private long writes;

        Client(int number) {
            this.number = number;
        }

        void writeOnce() {
            try {
                if (actorId == null) {
                    registerActor();
                } else if (writes % UPDATE_EVERY == UPDATE_EVERY - 1 && !posts.isEmpty()) {
                    updatePost(posts.get(posts.size() - 1));
                } else {
                    registerPost(writes % 2 == 0 ? AggregateKind.NEED : AggregateKind.OFFER);
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                writes++;
            }
        }

        private void registerActor() throws IOException, InterruptedException {
            HttpResponse<String> response = http.post(profileService.resolve("/api/actors"), """
                    {"name": "Ressourcerie du Trièves n°%d", "type": "ASSOCIATION", "homeTerritory": "38185",
                     "themes": ["LOCAL_ECONOMY"], "sdgs": [12], "description": "Réemploi et réparation d'objets"}
                    """.formatted(number));
            String id = createdId(response);
            if (id != null) {
                actorId = id;
                acknowledged.add(new Acknowledged(AggregateKind.ACTOR, id, false));
            }
        }

        private void registerPost(AggregateKind kind) throws IOException, InterruptedException {
            HttpResponse<String> response = http.post(postsOf(kind), postBody(kind, "n°" + writes));
            String id = createdId(response);
            if (id != null) {
                Acknowledged post = new Acknowledged(kind, id, false);
                posts.add(post);
                acknowledged.add(post);
                latestPost.set(post);
            }
        }

        private void updatePost(Acknowledged post) throws IOException, InterruptedException {
            HttpResponse<String> response = http.put(postsOf(post.kind()).resolve(postsOf(post.kind()).getPath() + "/" + post.aggregateId()),
                    postBody(post.kind(), "n°" + writes + " (mise à jour)"));
            if (response.statusCode() == 204) {
                acknowledged.add(new Acknowledged(post.kind(), post.aggregateId(), true));
            } else {
                unanswered.incrementAndGet();
            }
        }

        private URI postsOf(AggregateKind kind) {
            return profileService.resolve("/api/actors/" + actorId + (kind == AggregateKind.NEED ? "/needs" : "/offers"));
        }

        private String createdId(HttpResponse<String> response) throws IOException {
            if (response.statusCode() != 201) {
                unanswered.incrementAndGet();
                return null;
            }
            return JSON.readTree(response.body()).path("id").asText();
        }
    }

    private static String postBody(AggregateKind kind, String label) {
        String title = kind == AggregateKind.NEED ? "Outils de réparation recherchés " + label : "Prêt d'outils de réparation " + label;
        return """
                {"category": "EQUIPMENT", "form": "RESOURCES", "title": "%s",
                 "description": "Perceuses, fers à souder et établis pour l'atelier de réparation partagé",
                 "themes": ["LOCAL_ECONOMY"], "sdgs": [12], "territory": {"code": "38", "level": "DEPARTEMENT"}}
                """.formatted(title);
    }
}
