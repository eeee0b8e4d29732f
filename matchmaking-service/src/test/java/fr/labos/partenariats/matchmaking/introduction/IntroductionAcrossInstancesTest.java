package fr.labos.partenariats.matchmaking.introduction;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.TwoInstances;
import fr.labos.partenariats.platform.axon.ConflictRetryScheduler;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.LabCalendar;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one event store, commands of one introduction sent to either, as a load balancer
 * without affinity does. Each instance keeps the introductions it served in memory: a copy the other instance has
 * moved on from must neither refuse a legal command (a meeting "before acceptance" the other instance recorded) nor
 * write on an outdated state, and commands racing on both instances must all land, in one dense sequence.
 */
class IntroductionAcrossInstancesTest {

    private static final String ASSOCIATION = "association-" + UUID.randomUUID();
    private static final String FOUNDATION = "fondation-" + UUID.randomUUID();
    /**
     * A second association for the second test: a pair with a partnership formed (the first test's) is not
     * introduced again.
     */
    private static final String OTHER_ASSOCIATION = "association-" + UUID.randomUUID();
    /** Each pair of the open pairs' tests with its own association, so that no other test's introduction holds it. */
    private static final String RACING_ASSOCIATION = "association-" + UUID.randomUUID();
    private static final String WAITING = "association-" + UUID.randomUUID();
    private static final String HALF_ACCEPTED = "association-" + UUID.randomUUID();
    private static final String ACCEPTED = "association-" + UUID.randomUUID();
    private static final String DECLINED = "association-" + UUID.randomUUID();
    private static final String FOLLOWED_UP = "association-" + UUID.randomUUID();
    private static final String NO_FIT = "association-" + UUID.randomUUID();
    private static final String PARTNERS = "association-" + UUID.randomUUID();
    private static final String CARRIED_ON_AGAIN = "association-" + UUID.randomUUID();

    /** Signed once: the test lasts well under a token's ten minutes. */
    private static final String ADMIN = TestTokens.admin().sign();

    private static TwoInstances instances;
    private static RunningMatchmaking a;
    private static RunningMatchmaking b;
    private static EventStoreRows store;

    @BeforeAll
    static void start() {
        instances = TwoInstances.start("across", TwoInstances.association(ASSOCIATION),
                TwoInstances.association(OTHER_ASSOCIATION), TwoInstances.association(RACING_ASSOCIATION),
                TwoInstances.association(WAITING), TwoInstances.association(HALF_ACCEPTED),
                TwoInstances.association(ACCEPTED), TwoInstances.association(DECLINED),
                TwoInstances.association(FOLLOWED_UP), TwoInstances.association(NO_FIT),
                TwoInstances.association(PARTNERS), TwoInstances.association(CARRIED_ON_AGAIN),
                TwoInstances.foundation(FOUNDATION));
        a = instances.a();
        b = instances.b();
        store = instances.store();
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void eachStepOnTheOtherInstanceThanThePreviousOneIsTakenOnTheIntroductionAsItStands() {
        String id = proposedOn(a, ASSOCIATION);
        assertThat(accept(a, id, ASSOCIATION).statusCode()).isEqualTo(204);
        // B reads the introduction for the first time: one side accepted. It records the second acceptance.
        assertThat(accept(b, id, FOUNDATION).statusCode()).isEqualTo(204);
        // A's copy still has one acceptance: used as is, it would refuse the meeting as "not yet accepted".
        HttpResponse<String> meeting = a.post("/api/introductions/" + id + "/meetings", ADMIN,
                "{\"startsAt\": \"%s\", \"place\": \"Tiers-lieu\"}".formatted(Instant.now().minusSeconds(600)));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        String meetingId = RunningMatchmaking.parse(meeting.body()).path("id").asText();
        // B's copy has no meeting.
        HttpResponse<String> held = b.post("/api/introductions/" + id + "/meetings/" + meetingId + "/held", ADMIN, "{}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        HttpResponse<String> outcome = a.post("/api/introductions/" + id + "/outcomes", ADMIN, """
                {"outcome": "PARTNERSHIP_FORMED", "day": "%s", "form": "RESOURCES", "category": "FUNDING"}"""
                .formatted(today()));
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(204);
        // And the rules still hold on a fresh copy: A's accepting again is refused, writing nothing.
        assertThat(accept(b, id, ASSOCIATION).statusCode()).isEqualTo(409);

        assertThat(store.eventTypes(id)).containsExactly("IntroductionProposedEvent", "IntroductionAcceptedEvent",
                "IntroductionAcceptedEvent", "MeetingScheduledEvent", "MeetingHeldEvent", "OutcomeRecordedEvent");
        JsonNode verification = a.getJson("/api/introductions/" + id + "/verification");
        assertThat(verification.path("holds").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void outcomesRacingOnBothInstancesAllLandInOneDenseSequence() throws Exception {
        String id = proposedOn(a, OTHER_ASSOCIATION);
        accept(a, id, OTHER_ASSOCIATION);
        accept(b, id, FOUNDATION);
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            RunningMatchmaking instance = i % 2 == 0 ? a : b;
            answers.add(CompletableFuture.supplyAsync(() -> {
                awaitStart(go);
                return instance.post("/api/introductions/" + id + "/outcomes", ADMIN,
                        "{\"outcome\": \"FOLLOW_UP_PLANNED\", \"day\": \"%s\"}".formatted(today())).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).as("every racer's outcome recorded").containsOnly(204);
        List<String> types = store.eventTypes(id);
        assertThat(types).hasSize(3 + racers);
        assertThat(Collections.frequency(types, "OutcomeRecordedEvent")).isEqualTo(racers);
        assertThat(a.getJson("/api/introductions/" + id + "/verification").path("holds").asBoolean()).isTrue();
        System.out.printf("Racing outcomes: %.0f conflict retries on A, %.0f on B%n", retries(a), retries(b));
    }

    /**
     * A double click, or two facilitators at once, on both instances: the rankings learn of an introduction from
     * Kafka, a moment too late to refuse the others; the pair claimed in the proposal's transaction refuses them.
     */
    @Test
    void proposalsOfOnePairRacingOnBothInstancesMakeOneIntroduction() {
        int racers = 6;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            RunningMatchmaking instance = i % 2 == 0 ? a : b;
            answers.add(CompletableFuture.supplyAsync(() -> {
                awaitStart(go);
                return instance.post("/api/introductions", ADMIN, """
                        {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR"}"""
                        .formatted(RACING_ASSOCIATION, FOUNDATION));
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("one proposal made, the others refused").containsOnly(201, 409);
        assertThat(Collections.frequency(statuses, 201)).as(statuses.toString()).isEqualTo(1);
        String made = responses.stream().filter(response -> response.statusCode() == 201)
                .map(response -> RunningMatchmaking.parse(response.body()).path("id").asText()).findFirst().orElseThrow();
        assertThat(store.introductionsBetween(RACING_ASSOCIATION, FOUNDATION)).containsExactly(made);
        responses.stream().filter(response -> response.statusCode() == 409).forEach(refused ->
                assertThat(RunningMatchmaking.parse(refused.body()).path("detail").asText()).as(refused.body())
                        .contains(made));
    }

    /**
     * The migrations that filled the open pairs' table from the introductions already stored (when it was created,
     * then when claims came to last until an outcome) find, on this store, exactly the pairs the commands claimed and
     * released since: held while waiting for answers and once accepted, until an outcome closes the introduction.
     */
    @Test
    void theMigrationsFindThePairsTheCommandsHold() {
        String waiting = proposedOn(a, WAITING);
        String halfAccepted = proposedOn(b, HALF_ACCEPTED);
        assertThat(accept(a, halfAccepted, FOUNDATION).statusCode()).isEqualTo(204);
        String accepted = acceptedOn(a, b, ACCEPTED);
        String declined = proposedOn(b, DECLINED);
        assertThat(b.post("/api/introductions/" + declined + "/decline", ADMIN,
                "{\"actingFor\": \"%s\", \"reason\": \"NOT_NOW\"}".formatted(FOUNDATION)).statusCode()).isEqualTo(204);
        String followedUp = acceptedOn(b, a, FOLLOWED_UP);
        recordOutcome(a, followedUp, "FOLLOW_UP_PLANNED");
        String noFit = acceptedOn(a, b, NO_FIT);
        recordOutcome(b, noFit, "NO_FIT");
        String partners = acceptedOn(b, a, PARTNERS);
        recordOutcome(a, partners, "PARTNERSHIP_FORMED");
        // The same day, the outcome recorded last prevails: carried on again after all.
        String carriedOnAgain = acceptedOn(a, b, CARRIED_ON_AGAIN);
        recordOutcome(a, carriedOnAgain, "NO_FIT");
        recordOutcome(b, carriedOnAgain, "FOLLOW_UP_PLANNED");

        List<String> heldByTheCommands = store.openPairs();
        assertThat(heldByTheCommands).contains(open(WAITING, waiting), open(HALF_ACCEPTED, halfAccepted),
                        open(ACCEPTED, accepted), open(FOLLOWED_UP, followedUp), open(CARRIED_ON_AGAIN, carriedOnAgain))
                .noneMatch(row -> row.endsWith(" " + declined) || row.endsWith(" " + noFit)
                        || row.endsWith(" " + partners));

        store.refillOpenPairsAsTheMigrationsDo();
        assertThat(store.openPairs()).isEqualTo(heldByTheCommands);
    }

    /** Proposed on one instance, accepted by the association there and by the foundation on the other. */
    private static String acceptedOn(RunningMatchmaking one, RunningMatchmaking other, String association) {
        String id = proposedOn(one, association);
        assertThat(accept(one, id, association).statusCode()).isEqualTo(204);
        assertThat(accept(other, id, FOUNDATION).statusCode()).isEqualTo(204);
        return id;
    }

    private static void recordOutcome(RunningMatchmaking instance, String id, String outcome) {
        String partnership = outcome.equals("PARTNERSHIP_FORMED") ? ", \"form\": \"RESOURCES\", \"category\": \"FUNDING\"" : "";
        HttpResponse<String> recorded = instance.post("/api/introductions/" + id + "/outcomes", ADMIN,
                "{\"outcome\": \"%s\", \"day\": \"%s\"%s}".formatted(outcome, today(), partnership));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
    }

    /** A row of the open pairs: the two actors in order, then the introduction. */
    private static String open(String association, String introductionId) {
        String first = association.compareTo(FOUNDATION) < 0 ? association : FOUNDATION;
        String second = first.equals(association) ? FOUNDATION : association;
        return first + " " + second + " " + introductionId;
    }

    private static String proposedOn(RunningMatchmaking instance, String association) {
        HttpResponse<String> proposed = instance.post("/api/introductions", ADMIN, """
                {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "Deux instances"}"""
                .formatted(association, FOUNDATION));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        return RunningMatchmaking.parse(proposed.body()).path("id").asText();
    }

    private static HttpResponse<String> accept(RunningMatchmaking instance, String id, String side) {
        return instance.post("/api/introductions/" + id + "/accept", ADMIN, "{\"actingFor\": \"%s\"}".formatted(side));
    }

    private static double retries(RunningMatchmaking instance) {
        return instance.context().getBean(MeterRegistry.class).counter(ConflictRetryScheduler.RETRIES_METRIC).count();
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate today() {
        return LocalDate.now(LabCalendar.ZONE);
    }
}
