package fr.labos.partenariats.deploy.fault;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady load of writes through matchmaking-service's introduction API, beside the posts' load: one client, acting
 * as a facilitator would for the actors the posts' load registered, introduces two of them by hand, then accepts for
 * one side and for the other, and starts again with the next pair. Whatever matchmaking-service acknowledges (a
 * {@code 201} or a {@code 204}) is counted against its introduction; a refused or unanswered request (the service is
 * being killed, MongoDB is away, or an earlier answer was lost) is counted too, and the client moves on to a new
 * introduction, since it no longer knows where the last one stands.
 */
final class IntroductionLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabHttp http;
    private final URI matchmakingService;
    private final Supplier<List<String>> actors;
    private final Map<String, Long> acknowledgedPerIntroduction = new HashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();

    // Where the client stands; touched by the client's thread only.
    private String introductionId;
    private String actorId;
    private String partnerId;
    private int accepted;
    private long pairs;

    /** Starts the client, writing once per {@code period} once two actors are known. */
    IntroductionLoad(LabHttp http, URI matchmakingService, Supplier<List<String>> actors, Duration period) {
        this.http = http;
        this.matchmakingService = matchmakingService;
        this.actors = actors;
        client.scheduleWithFixedDelay(this::writeOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    long unansweredCount() {
        return unanswered.get();
    }

    /** How many writes matchmaking-service acknowledged on each introduction. */
    synchronized Map<String, Long> acknowledgedPerIntroduction() {
        return Map.copyOf(acknowledgedPerIntroduction);
    }

    /** Stops writing; returns once no request is in flight any more. */
    @Override
    public void close() throws InterruptedException {
        client.shutdown();
        if (!client.awaitTermination(60, TimeUnit.SECONDS)) {
            client.shutdownNow();
        }
    }

    private void writeOnce() {
        try {
            if (introductionId == null) {
                propose();
            } else {
                accept(accepted == 0 ? actorId : partnerId);
            }
        } catch (IOException e) {
            unanswered.incrementAndGet();
            introductionId = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void propose() throws IOException, InterruptedException {
        List<String> known = actors.get();
        if (known.size() < 2) {
            return;
        }
        actorId = known.get((int) (pairs % known.size()));
        partnerId = known.get((int) ((pairs + 1 + pairs / known.size()) % known.size()));
        pairs++;
        if (actorId.equals(partnerId)) {
            return;
        }
        HttpResponse<String> response = http.post(matchmakingService.resolve("/api/introductions"), """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR",
                 "note": "Deux ateliers de réparation du Trièves : mutualiser l'outillage"}""".formatted(actorId, partnerId));
        if (response.statusCode() == 201) {
            introductionId = JSON.readTree(response.body()).path("id").asText();
            accepted = 0;
            acknowledge(introductionId);
        } else {
            unanswered.incrementAndGet();
        }
    }

    private void accept(String side) throws IOException, InterruptedException {
        HttpResponse<String> response = http.post(matchmakingService.resolve("/api/introductions/" + introductionId + "/accept"),
                "{\"actingFor\": \"%s\"}".formatted(side));
        if (response.statusCode() == 204) {
            acknowledge(introductionId);
            accepted++;
        } else {
            unanswered.incrementAndGet();
            accepted = 2;
        }
        if (accepted == 2) {
            introductionId = null;
        }
    }

    private synchronized void acknowledge(String id) {
        acknowledgedPerIntroduction.merge(id, 1L, Long::sum);
        acknowledged.incrementAndGet();
    }
}
