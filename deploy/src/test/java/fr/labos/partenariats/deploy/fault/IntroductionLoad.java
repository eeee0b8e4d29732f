package fr.labos.partenariats.deploy.fault;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.labos.partenariats.schema.common.LabCalendar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady load of writes through matchmaking-service's introduction API, beside the posts' load: one client, acting
 * as a facilitator would for the actors the posts' load registered, takes introductions through their life, one
 * write per period — introduces two of them by hand, accepts for one side, then either declines for the other ("not
 * now", one introduction in three) or accepts for it, schedules a meeting, records it held, records a follow-up
 * planned and at last no fit — and starts again with the next pair. So every kind of step a lab writes most
 * (proposal, acceptance, decline, meeting scheduled and held, outcome, and the answer deadline set and cancelled) is
 * under the kills. Whatever matchmaking-service acknowledges (a {@code 201} or a {@code 204}) is counted against its
 * introduction; a refused or unanswered request (the service is being killed, MongoDB is away, or an earlier answer
 * was lost) is counted too, and the client moves on to a new introduction, since it no longer knows where the last one
 * stands. A pair with an introduction in progress is not introduced again, and the load has a few actors only: every
 * introduction is therefore closed (declined, no fit), and one given up half-way is withdrawn, or closed with no fit
 * if it was accepted meanwhile, before the next proposal.
 */
final class IntroductionLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The steps of one introduction, in the order the client writes them. */
    private enum Step {
        PROPOSE, ACCEPT_FIRST_SIDE, ANSWER_SECOND_SIDE, SCHEDULE_MEETING, HOLD_MEETING, RECORD_OUTCOME, CLOSE
    }

    /** The lab's days are French: an outcome is dated on the day in Paris. */
    private static final ZoneId LAB_ZONE = LabCalendar.ZONE;

    private final LabHttp http;
    private final URI matchmakingService;
    private final Supplier<List<String>> actors;
    private final Map<String, Long> acknowledgedPerIntroduction = new HashMap<>();
    private final Map<String, Long> acknowledgedPerKind = new TreeMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();

    // Where the client stands; touched by the client's thread only.
    private Step next = Step.PROPOSE;
    private String introductionId;
    /** An introduction given up half-way, to close before the next proposal; null when there is none. */
    private String abandoned;
    private String meetingId;
    private String actorId;
    private String partnerId;
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

    /**
     * How many writes of each kind matchmaking-service acknowledged: proposal, acceptance, decline, meeting scheduled,
     * meeting held, outcome; in the order of their names.
     */
    synchronized Map<String, Long> acknowledgedPerKind() {
        return new TreeMap<>(acknowledgedPerKind);
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
            if (next == Step.PROPOSE && abandoned != null) {
                closeAbandoned();
                return;
            }
            switch (next) {
                case PROPOSE -> propose();
                case ACCEPT_FIRST_SIDE -> write("acceptance", "/accept", "{\"actingFor\": \"%s\"}".formatted(actorId), 204,
                        Step.ANSWER_SECOND_SIDE);
                case ANSWER_SECOND_SIDE -> {
                    if (pairs % 3 == 0) {
                        write("decline", "/decline", """
                                {"actingFor": "%s", "reason": "NOT_NOW", "text": "Nous en reparlerons au printemps"}"""
                                .formatted(partnerId), 204, Step.PROPOSE);
                    } else {
                        write("acceptance", "/accept", "{\"actingFor\": \"%s\"}".formatted(partnerId), 204,
                                Step.SCHEDULE_MEETING);
                    }
                }
                case SCHEDULE_MEETING -> {
                    String answer = write("meeting scheduled", "/meetings", """
                            {"startsAt": "%s", "place": "Atelier partagé de Mens"}"""
                            .formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)), 201, Step.HOLD_MEETING);
                    if (next == Step.HOLD_MEETING) {
                        meetingId = JSON.readTree(answer).path("id").asText();
                    }
                }
                case HOLD_MEETING -> write("meeting held", "/meetings/" + meetingId + "/held",
                        "{\"note\": \"Visite de l'atelier\"}", 204, Step.RECORD_OUTCOME);
                case RECORD_OUTCOME -> write("outcome", "/outcomes", """
                        {"outcome": "FOLLOW_UP_PLANNED", "day": "%s", "note": "Inventaire commun de l'outillage"}"""
                        .formatted(LocalDate.now(LAB_ZONE)), 204, Step.CLOSE);
                case CLOSE -> write("outcome", "/outcomes", """
                        {"outcome": "NO_FIT", "day": "%s", "note": "Pas assez d'outillage à partager"}"""
                        .formatted(LocalDate.now(LAB_ZONE)), 204, Step.PROPOSE);
            }
        } catch (IOException e) {
            unanswered.incrementAndGet();
            giveUp();
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
            acknowledge(introductionId, "proposal");
            next = Step.ACCEPT_FIRST_SIDE;
        } else {
            unanswered.incrementAndGet();
        }
    }

    /**
     * Writes one step of the current introduction; on the {@code expected} status, counts it and goes on to
     * {@code then}, otherwise gives the introduction up; {@code kind} names the write in the figures. Returns the answer's body.
     */
    private String write(String kind, String path, String body, int expected, Step then)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.post(
                matchmakingService.resolve("/api/introductions/" + introductionId + path), body);
        if (response.statusCode() == expected) {
            acknowledge(introductionId, kind);
            next = then;
        } else {
            unanswered.incrementAndGet();
            giveUp();
        }
        return response.body();
    }

    /** Moves on to a new introduction, leaving the current one, if it was proposed, to be closed first. */
    private void giveUp() {
        if (next != Step.PROPOSE) {
            abandoned = introductionId;
        }
        next = Step.PROPOSE;
    }

    /**
     * Withdraws the introduction given up, or, if both sides accepted it meanwhile (an answer that was lost on its
     * way back), records that nothing came of it; done once either is acknowledged or the introduction turns out to
     * be closed already (declined, expired: a 409). Tried again at the next period while the service does not answer.
     */
    private void closeAbandoned() throws IOException, InterruptedException {
        URI introduction = matchmakingService.resolve("/api/introductions/" + abandoned);
        HttpResponse<String> withdrawn = http.post(URI.create(introduction + "/withdraw"),
                "{\"reason\": \"Reprise après une panne\"}");
        if (withdrawn.statusCode() == 204) {
            acknowledge(abandoned, "withdrawal");
            abandoned = null;
        } else if (withdrawn.statusCode() == 409) {
            HttpResponse<String> closed = http.post(URI.create(introduction + "/outcomes"), """
                    {"outcome": "NO_FIT", "day": "%s", "note": "Reprise après une panne"}"""
                    .formatted(LocalDate.now(LAB_ZONE)));
            if (closed.statusCode() == 204) {
                acknowledge(abandoned, "outcome");
                abandoned = null;
            } else if (closed.statusCode() < 500) {
                abandoned = null;
            }
        }
    }

    private synchronized void acknowledge(String id, String kind) {
        acknowledgedPerIntroduction.merge(id, 1L, Long::sum);
        acknowledgedPerKind.merge(kind, 1L, Long::sum);
        acknowledged.incrementAndGet();
    }
}
