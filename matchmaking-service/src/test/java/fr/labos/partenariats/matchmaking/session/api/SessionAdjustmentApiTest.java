package fr.labos.partenariats.matchmaking.session.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.matchmaking.support.EventStoreRows;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.MarkParticipantAbsentCommand;
import fr.labos.partenariats.schema.session.RecordTableLostCommand;
import fr.labos.partenariats.schema.session.RegisterLateArrivalCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A facilitator adjusts a session's schedule by hand over HTTP (real PostgreSQL event store, Kafka, MongoDB's wire
 * protocol, real tokens): swaps two meetings, moves one to a free table, locks one, and reads the sessions it runs and
 * a session's participants; loses tables on the day. A lock survives the re-plan that an absence or a lost table
 * causes; rounds that started, taken places, a participant twice in a round, places outside the grid, a table lost
 * twice or the last table, and other territories are refused with a problem that writes nothing.
 */
class SessionAdjustmentApiTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;
    private static EventStoreRows store;
    private static final List<String> ACTORS = new ArrayList<>();
    /**
     * Four other actors, for the sessions whose rounds start: the meetings a round holds are not planned again at a later
     * session, and the other tests' sessions of {@link #ACTORS} need their pairs.
     */
    private static final List<String> OTHERS = new ArrayList<>();
    private static final String FACILITATOR = TestTokens.facilitator("DEPARTEMENT:38").sign();
    private static final String SAVOIE_FACILITATOR = TestTokens.facilitator("DEPARTEMENT:73").sign();
    private static final String[] NAMES = {"Tremplin Insertion", "Fonds Alpes Solidarités", "Mobilité Grésivaudan",
            "Commune d'Échirolles", "Régie de quartier", "Atelier vélo"};

    @BeforeAll
    static void start() {
        String topic = SharedKafka.newTopic("it.adjustments.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-adjustments",
                "lab.relay.topic=it.adjustments.matchmaking.events");
        store = new EventStoreRows(service.databaseUrl());
        Instant now = Instant.now();
        for (int i = 0; i < NAMES.length + 4; i++) {
            String id = "actor-" + UUID.randomUUID();
            String name = NAMES[i % NAMES.length];
            (i < NAMES.length ? ACTORS : OTHERS).add(id);
            publisher.publish(id, 0, new ActorRegisteredEvent(id, name, ActorType.ASSOCIATION, "38185", Set.of(),
                    Set.of(), name, now));
        }
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            for (String actor : java.util.stream.Stream.concat(ACTORS.stream(), OTHERS.stream()).toList()) {
                // Known to the index (the schedule's weights) and to the projection (a registration reads the
                // actor there): two consumers of the topic, each at its own pace.
                assertThat(service.get("/api/actors/" + actor + "/partners").statusCode()).isEqualTo(200);
                assertThat(service.get("/api/actors/" + actor + "/introductions").statusCode()).isEqualTo(200);
            }
        });
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void aFacilitatorSwapsMovesAndLocksMeetingsAndALockOutlivesTheReplanOfAnAbsence() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;

        // The sessions it runs, and the session's participants with their names, presence and wishes.
        JsonNode listed = RunningMatchmaking.parse(service.get("/api/sessions", FACILITATOR).body());
        assertThat(listed.findValuesAsText("id")).contains(sessionId);
        // Where it stands, as the console's list says it (« plan en préparation », later « tour 1 sur 3 »).
        JsonNode line = StreamSupport.stream(listed.spliterator(), false)
                .filter(s -> s.path("id").asText().equals(sessionId)).findFirst().orElseThrow();
        assertThat(line.path("rounds").asInt()).isEqualTo(3);
        assertThat(line.path("scheduled").asBoolean()).as("a plan generated").isTrue();
        assertThat(line.path("published").asBoolean()).isFalse();
        assertThat(RunningMatchmaking.parse(service.get("/api/sessions", SAVOIE_FACILITATOR).body())
                .findValuesAsText("id")).doesNotContain(sessionId);
        JsonNode overview = RunningMatchmaking.parse(service.get(path, FACILITATOR).body());
        assertThat(overview.path("participants").findValuesAsText("name")).containsExactly(NAMES);
        assertThat(overview.path("participants").findValuesAsText("presence")).containsOnly("REGISTERED");
        assertThat(overview.path("wishes")).hasSize(2).allSatisfy(w -> assertThat(w.path("mutual").asBoolean()).isTrue());
        assertThat(overview.path("scheduled").asBoolean()).isTrue();

        // 6 participants, 4 tables: three meetings a round, one table free.
        JsonNode before = schedule(sessionId);
        JsonNode first = table(before, 1, 1);
        JsonNode second = table(before, 1, 2);
        JsonNode swapped = adjusted(sessionId, """
                {"action": "SWAP", "meeting": {"round": 1, "table": 1}, "target": {"round": 1, "table": 2}}""");
        assertThat(pair(table(swapped, 1, 1))).isEqualTo(pair(second));
        assertThat(pair(table(swapped, 1, 2))).isEqualTo(pair(first));
        assertThat(table(swapped, 1, 2).path("weight").asDouble()).isEqualTo(first.path("weight").asDouble());
        assertThat(table(swapped, 1, 2).path("explanation").asText()).isEqualTo(first.path("explanation").asText());
        assertThat(swapped.path("objective")).isEqualTo(before.path("objective"));
        assertTablesInOrder(swapped);

        int free = freeTable(swapped, 2);
        JsonNode moving = table(swapped, 2, 1);
        JsonNode moved = adjusted(sessionId, """
                {"action": "MOVE", "meeting": {"round": 2, "table": 1}, "target": {"round": 2, "table": %d}}"""
                .formatted(free));
        assertThat(pair(table(moved, 2, free))).isEqualTo(pair(moving));
        assertThat(freeTable(moved, 2)).isEqualTo(1);
        assertTablesInOrder(moved);

        JsonNode lockedMeeting = table(moved, 3, 1);
        JsonNode locked = adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 3, "table": 1}}""");
        assertThat(table(locked, 3, 1).path("locked").asBoolean()).isTrue();
        assertThat(store.eventTypes(sessionId).stream().filter("ScheduleAdjustedEvent"::equals)).hasSize(3);
        assertThat(store.payloads(sessionId).get(store.payloads(sessionId).size() - 1))
                .contains("rencontre verrouillée au tour 3, table 1");

        // An absence re-plans the rounds not started: the lock stays where it is, nobody absent is seated.
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        String absent = ACTORS.stream().filter(a -> !pair(lockedMeeting).contains(a)).findFirst().orElseThrow();
        assertThat(service.post(path + "/absences", FACILITATOR, "{\"actorId\": \"%s\"}".formatted(absent))
                .statusCode()).isEqualTo(204);
        JsonNode replanned = schedule(sessionId);
        assertThat(pair(table(replanned, 3, 1))).isEqualTo(pair(lockedMeeting));
        assertThat(table(replanned, 3, 1).path("locked").asBoolean()).isTrue();
        assertThat(replanned.findValuesAsText("actorId")).doesNotContain(absent);
        assertThat(RunningMatchmaking.parse(service.get(path, FACILITATOR).body()).path("participants")
                .findValuesAsText("presence")).containsOnlyOnce("ABSENT");
    }

    /**
     * « Générer à nouveau » before publication keeps what the board says a lock keeps: the locked meeting stays at its
     * round and table (here a table the scheduler would not have chosen), locked, and its pair meets nowhere else.
     */
    @Test
    void generatingAgainKeepsTheLockedMeetingsAtTheirRoundAndTable() {
        String sessionId = generated(3, 4);
        JsonNode before = schedule(sessionId);
        int free = freeTable(before, 3);
        JsonNode moving = table(before, 3, 1);
        adjusted(sessionId, """
                {"action": "MOVE", "meeting": {"round": 3, "table": 1}, "target": {"round": 3, "table": %d}}"""
                .formatted(free));
        JsonNode locked = adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 3, "table": %d}}""".formatted(free));
        assertThat(table(locked, 3, free).path("locked").asBoolean()).isTrue();

        HttpResponse<String> again = service.post("/api/sessions/" + sessionId + "/schedule/generate", FACILITATOR,
                "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode regenerated = RunningMatchmaking.parse(again.body());
        assertThat(regenerated).isEqualTo(schedule(sessionId));
        assertThat(pair(table(regenerated, 3, free))).isEqualTo(pair(moving));
        assertThat(table(regenerated, 3, free).path("locked").asBoolean()).isTrue();
        assertThat(regenerated.findParents("partner").stream().filter(t -> pair(t).equals(pair(moving))))
                .as("the locked pair meets once").hasSize(1);
        assertThat(store.eventTypes(sessionId)).last().isEqualTo("ScheduleGeneratedEvent");
    }

    @Test
    void changesThatBreakARuleAreProblemsThatWriteNothing() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId + "/schedule/adjustments";
        JsonNode schedule = schedule(sessionId);
        long before = store.events();

        HttpResponse<String> taken = service.post(path, FACILITATOR, """
                {"action": "MOVE", "meeting": {"round": 1, "table": 1}, "target": {"round": 1, "table": 2}}""");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("occupé");
        // A meeting of round 1 swapped with one of round 2: its participants would sit twice in round 2.
        JsonNode roundOne = table(schedule, 1, 1);
        JsonNode clash = null;
        for (JsonNode t : schedule.path("rounds").get(1).path("tables")) {
            if (pair(t).stream().noneMatch(pair(roundOne)::contains)) clash = t;
        }
        assertThat(clash).as("a meeting of round 2 without round 1 table 1's participants").isNotNull();
        HttpResponse<String> twice = service.post(path, FACILITATOR, """
                {"action": "SWAP", "meeting": {"round": 1, "table": 1}, "target": {"round": 2, "table": %d}}"""
                .formatted(clash.path("table").asInt()));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
        assertThat(twice.body()).contains("a déjà une rencontre au tour");
        HttpResponse<String> outside = service.post(path, FACILITATOR, """
                {"action": "MOVE", "meeting": {"round": 1, "table": 1}, "target": {"round": 1, "table": 9}}""");
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body()).contains("\"field\":\"target\"").contains("La table 9 n'existe pas");
        int free = freeTable(schedule, 1);
        HttpResponse<String> nothing = service.post(path, FACILITATOR, """
                {"action": "LOCK", "meeting": {"round": 1, "table": %d}}""".formatted(free));
        assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(400);
        assertThat(service.post(path, FACILITATOR, "{\"action\": \"SWAP\", \"meeting\": {\"round\": 1, \"table\": 1}}")
                .statusCode()).isEqualTo(400);
        assertThat(service.post(path, FACILITATOR, "{\"meeting\": {\"round\": 1, \"table\": 1}}").statusCode())
                .isEqualTo(400);
        assertThat(service.post(path, SAVOIE_FACILITATOR, "{\"action\": \"LOCK\", \"meeting\": {\"round\": 1, "
                + "\"table\": 1}}").statusCode()).isEqualTo(403);
        assertThat(service.post(path, TestTokens.member(ACTORS.get(0)).sign(), "{\"action\": \"LOCK\", "
                + "\"meeting\": {\"round\": 1, \"table\": 1}}").statusCode()).isEqualTo(403);
        assertThat(service.post("/api/sessions/" + UUID.randomUUID() + "/schedule/adjustments", FACILITATOR,
                "{\"action\": \"LOCK\", \"meeting\": {\"round\": 1, \"table\": 1}}").statusCode()).isEqualTo(404);
        assertThat(service.get("/api/sessions/" + sessionId, SAVOIE_FACILITATOR).statusCode()).isEqualTo(403);
        assertThat(service.get("/api/sessions", TestTokens.member(ACTORS.get(0)).sign()).statusCode()).isEqualTo(403);
        assertThat(store.events()).isEqualTo(before);

        // Once round 1 started, its meetings stay, and nothing moves into it.
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        assertThat(service.post("/api/sessions/" + sessionId + "/rounds/1/start", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        // (the meetings held become introductions meanwhile: count the session's own events)
        int started = store.eventTypes(sessionId).size();
        HttpResponse<String> held = service.post(path, FACILITATOR, """
                {"action": "MOVE", "meeting": {"round": 1, "table": 1}, "target": {"round": 1, "table": %d}}"""
                .formatted(free));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(409);
        assertThat(held.body()).contains("Le tour 1 a commencé");
        int freeInRoundTwo = freeTable(schedule(sessionId), 2);
        HttpResponse<String> intoStarted = service.post(path, FACILITATOR, """
                {"action": "MOVE", "meeting": {"round": 2, "table": %d}, "target": {"round": 1, "table": %d}}"""
                .formatted(freeInRoundTwo == 1 ? 2 : 1, free));
        assertThat(intoStarted.statusCode()).as(intoStarted.body()).isEqualTo(409);
        assertThat(service.post(path, FACILITATOR, "{\"action\": \"LOCK\", \"meeting\": {\"round\": 1, "
                + "\"table\": 1}}").statusCode()).isEqualTo(409);
        assertThat(store.eventTypes(sessionId)).hasSize(started);
    }

    @Test
    void aTableLostReplansTheRoundsNotStartedKeepingTheHeldMeetingsAndTheLocks() {
        // 6 participants, 3 tables: every table is used in every round.
        String sessionId = generated(3, 3);
        String path = "/api/sessions/" + sessionId;
        Set<String> lockedPair = lockRoundThreeTableTwoAndPublish(sessionId);
        assertThat(service.post(path + "/rounds/1/start", FACILITATOR, "").statusCode()).isEqualTo(204);
        JsonNode before = schedule(sessionId);

        HttpResponse<String> lost = service.post(path + "/tables-lost", FACILITATOR, "{\"table\": 2}");
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(204);
        JsonNode after = schedule(sessionId);
        assertThat(after.path("rounds").get(0)).as("round 1 was held as it was").isEqualTo(before.path("rounds").get(0));
        for (int round = 2; round <= 3; round++) {
            assertThat(after.path("rounds").get(round - 1).path("tables").findValuesAsText("table"))
                    .as("round " + round).hasSize(2).doesNotContain("2");
        }
        JsonNode lockedNow = null;
        for (JsonNode t : after.path("rounds").get(2).path("tables")) {
            if (pair(t).equals(lockedPair)) lockedNow = t;
        }
        assertThat(lockedNow).as("the lock stays in round 3, at another table").isNotNull();
        assertThat(lockedNow.path("locked").asBoolean()).isTrue();
        assertThat(RunningMatchmaking.parse(service.get(path, FACILITATOR).body()).path("lostTables"))
                .extracting(JsonNode::asInt).containsExactly(2);
        List<String> types = store.eventTypes(sessionId);
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly("TableLostEvent", "ScheduleAdjustedEvent");
        assertThat(store.payloads(sessionId).get(types.size() - 1)).contains("table 2 retirée");

        int written = types.size();
        HttpResponse<String> again = service.post(path + "/tables-lost", FACILITATOR, "{\"table\": 2}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        HttpResponse<String> outside = service.post(path + "/tables-lost", FACILITATOR, "{\"table\": 7}");
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body()).contains("\"field\":\"table\"");
        assertThat(service.post(path + "/tables-lost", FACILITATOR, "{}").statusCode()).isEqualTo(400);
        assertThat(service.post(path + "/tables-lost", SAVOIE_FACILITATOR, "{\"table\": 1}").statusCode()).isEqualTo(403);
        assertThat(store.eventTypes(sessionId)).hasSize(written);

        assertThat(service.post(path + "/tables-lost", FACILITATOR, "{\"table\": 3}").statusCode()).isEqualTo(204);
        assertThat(schedule(sessionId).path("rounds").get(1).path("tables").findValuesAsText("table"))
                .containsExactly("1");
        int oneTableLeft = store.eventTypes(sessionId).size();
        HttpResponse<String> last = service.post(path + "/tables-lost", FACILITATOR, "{\"table\": 1}");
        assertThat(last.statusCode()).as(last.body()).isEqualTo(409);
        assertThat(last.body()).contains("au moins une table");
        assertThat(store.eventTypes(sessionId)).hasSize(oneTableLeft);
    }

    /**
     * A round's start holds its meetings (one command appends them together: {@code SessionLiveTest}). Asked again,
     * the start is a 409 that writes nothing; a participant marked absent after the start keeps the meeting it sat
     * down to.
     */
    @Test
    void aRoundStartHoldsItsMeetingsAndIsNotStartedTwice() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        int published = store.eventTypes(sessionId).size();

        HttpResponse<String> started = service.post(path + "/rounds/1/start", FACILITATOR, "");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId).subList(published, store.eventTypes(sessionId).size()))
                .containsExactly("RoundStartedEvent", "SessionMeetingHeldEvent", "SessionMeetingHeldEvent",
                        "SessionMeetingHeldEvent");
        JsonNode roundOne = schedule(sessionId).path("rounds").get(0).path("tables");
        assertThat(roundOne.findValuesAsText("held")).hasSize(3).containsOnly("true");

        String left = roundOne.get(0).path("actor").path("actorId").asText();
        assertThat(service.post(path + "/absences", FACILITATOR, "{\"actorId\": \"%s\"}".formatted(left))
                .statusCode()).isEqualTo(204);
        int written = store.eventTypes(sessionId).size();
        HttpResponse<String> again = service.post(path + "/rounds/1/start", FACILITATOR, "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(store.eventTypes(sessionId)).hasSize(written);
        assertThat(schedule(sessionId).path("rounds").get(0).path("tables").findValuesAsText("held"))
                .hasSize(3).containsOnly("true");
    }

    /**
     * Two absences at the desk at once: each re-plan is computed from the session as it was before either was written.
     * Written as computed, the second would seat the first absentee again (refused: nobody absent sits at a table to
     * come — and the schedule would be left seating them, every hand change refused). Named with the version it was
     * computed from, it is refused for the schedule having moved on, computed again from the session as it now is, and
     * written: neither absentee is seated, and the board takes hand changes again.
     */
    @Test
    void aReplanComputedBeforeAnotherChangeWasWrittenIsComputedAgain() {
        String sessionId = generated(3, 3);
        String path = "/api/sessions/" + sessionId;
        // Published, no round started (a round held would set its pairs aside for the other tests' sessions).
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        String first = ACTORS.get(0);
        String second = ACTORS.get(1);
        // The second desk's reading, and the re-plan it computes from it: the first absentee still present.
        DeskReading secondDesk = absenceReplannedAsReadNow(sessionId, second);
        SessionState readBefore = secondDesk.read();
        Schedule computedBefore = secondDesk.replan();
        assertThat(computedBefore.meetings()).anyMatch(m -> m.involves(first));

        // The first desk's absence, written whole (the absence and its re-plan); then the second's absence.
        assertThat(service.post(path + "/absences", FACILITATOR, "{\"actorId\": \"%s\"}".formatted(first))
                .statusCode()).isEqualTo(204);
        service.commands().sendAndWait(new MarkParticipantAbsentCommand(sessionId, second));
        service.context().getBean(Replans.class).write(sessionId, readBefore, computedBefore, "absence de " + second);

        JsonNode now = schedule(sessionId);
        for (int round = 1; round <= 3; round++) {
            assertThat(now.path("rounds").get(round - 1).findValuesAsText("actorId")).as("round " + round)
                    .isNotEmpty().doesNotContain(first, second);
        }
        lockFirstMeeting(sessionId, now, 3);
    }

    /**
     * A table lost at one desk while another marks an absence: the absence's re-plan, computed before the loss was
     * recorded, seats a meeting at the lost table. The loss leaves the schedule's version as it was, so the refusal is
     * not for the version: it is still the session having moved on, and the re-plan is computed again and written,
     * rather than the absence answered with a 400 once recorded.
     */
    @Test
    void aReplanComputedBeforeATableWasLostIsComputedAgain() {
        String sessionId = generated(3, 3);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        String absentee = ACTORS.get(0);
        DeskReading secondDesk = absenceReplannedAsReadNow(sessionId, absentee);
        SessionState readBefore = secondDesk.read();
        Schedule computedBefore = secondDesk.replan();
        int lost = computedBefore.meetings().stream().filter(m -> m.round() == 2).findFirst().orElseThrow().table();

        // The first desk's loss recorded, its re-plan not yet; then the second desk's absence and its re-plan.
        service.commands().sendAndWait(new RecordTableLostCommand(sessionId, lost));
        service.commands().sendAndWait(new MarkParticipantAbsentCommand(sessionId, absentee));
        service.context().getBean(Replans.class).write(sessionId, readBefore, computedBefore, "absence de " + absentee);

        JsonNode now = schedule(sessionId);
        for (int round = 1; round <= 3; round++) {
            JsonNode tables = now.path("rounds").get(round - 1).path("tables");
            assertThat(tables.findValuesAsText("actorId")).as("round " + round).isNotEmpty().doesNotContain(absentee);
            assertThat(tables.findValuesAsText("table")).as("round " + round).doesNotContain(String.valueOf(lost));
        }
    }

    /**
     * Published as the facilitator saw it: a publication naming the version the board showed, after the plan changed
     * on another device (here a lock), is refused and writes nothing; named with the version now shown, it is taken.
     */
    @Test
    void aPublicationOfAScheduleChangedSinceItWasShownIsRefused() {
        String sessionId = generated(3, 3);
        String path = "/api/sessions/" + sessionId;
        int shown = schedule(sessionId).path("version").asInt();
        adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 2, "table": 1}}"""); // another device
        int written = store.eventTypes(sessionId).size();

        HttpResponse<String> stale = service.post(path + "/schedule/publish", FACILITATOR,
                "{\"basedOnVersion\": %d}".formatted(shown));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(RunningMatchmaking.parse(stale.body()).path("detail").asText()).startsWith("Le planning a changé "
                + "entre-temps (version " + (shown + 1) + ", ce changement partait de la version " + shown + ")");
        assertThat(store.eventTypes(sessionId)).hasSize(written);
        assertThat(service.post(path + "/schedule/publish", FACILITATOR,
                "{\"basedOnVersion\": %d}".formatted(shown + 1)).statusCode()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId)).endsWith("SchedulePublishedEvent");
    }

    /**
     * A participant registered, never checked in, who comes once the first round started: its meetings of the rounds
     * to come wait for it, so its late arrival is recorded and nothing is planned again (a re-plan would undo the
     * hand changes not locked, and move tables already printed).
     */
    @Test
    void aLateArrivalAlreadySeatedInTheRoundsToComeChangesNoTable() {
        String sessionId = planned(OTHERS, 3, 2);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/generate", FACILITATOR, "").statusCode()).isEqualTo(200);
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        assertThat(service.post(path + "/rounds/1/start", FACILITATOR, "").statusCode()).isEqualTo(204);
        JsonNode before = schedule(sessionId);
        String late = StreamSupport.stream(before.path("rounds").get(1).path("tables").spliterator(), false)
                .map(t -> t.path("actor").path("actorId").asText()).findFirst().orElseThrow();

        HttpResponse<String> arrived = service.post(path + "/late-arrivals", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(late));

        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(204);
        assertThat(store.eventTypes(sessionId)).endsWith("LateArrivalRegisteredEvent");
        assertThat(schedule(sessionId).path("version").asInt()).isEqualTo(before.path("version").asInt());
    }

    /**
     * The board names the schedule's version it shows: a hand change made on a grid another device changed since
     * (here a lock set elsewhere) is refused, writes nothing, and says so — it would have moved or locked whichever
     * meeting now sits at that place. Made on the version now shown, it is taken.
     */
    @Test
    void aHandChangeMadeOnAScheduleChangedSinceIsRefused() {
        String sessionId = generated(3, 3);
        int shown = schedule(sessionId).path("version").asInt();
        assertThat(shown).isPositive();
        adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 2, "table": 1}}"""); // another device
        int written = store.eventTypes(sessionId).size();

        HttpResponse<String> stale = service.post("/api/sessions/" + sessionId + "/schedule/adjustments", FACILITATOR, """
                {"action": "LOCK", "meeting": {"round": 3, "table": 1}, "basedOnVersion": %d}""".formatted(shown));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(RunningMatchmaking.parse(stale.body()).path("detail").asText()).isEqualTo("Le planning a changé "
                + "entre-temps (version " + (shown + 1) + ", ce changement partait de la version " + shown + ") : "
                + "relisez-le, puis recommencez.");
        assertThat(store.eventTypes(sessionId)).hasSize(written);
        JsonNode now = schedule(sessionId);
        assertThat(now.path("version").asInt()).isEqualTo(shown + 1);
        assertThat(adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 3, "table": 1}, "basedOnVersion": %d}"""
                .formatted(now.path("version").asInt())).path("version").asInt()).isEqualTo(shown + 2);
    }

    /**
     * The wrong line clicked at the welcome desk: « Absent » on a participant of a locked meeting (a promise the
     * facilitator made), then « Arrivé ». The absence's re-plan drops the lock (nobody absent sits at a table to come);
     * the arrival's gives it back, in its round, rather than plan the participant afresh without it.
     */
    @Test
    void aLockDroppedForAMistakenAbsenceComesBackWithTheArrival() {
        String sessionId = generated(3, 3);
        String path = "/api/sessions/" + sessionId;
        Set<String> lockedPair = lockRoundThreeTableTwoAndPublish(sessionId);
        String clickedByMistake = lockedPair.iterator().next();
        String body = "{\"actorId\": \"%s\"}".formatted(clickedByMistake);

        assertThat(service.post(path + "/absences", FACILITATOR, body).statusCode()).isEqualTo(204);
        assertThat(lockedIn(schedule(sessionId), 3)).as("dropped with the absence").doesNotContain(lockedPair);

        assertThat(service.post(path + "/check-ins", FACILITATOR, body).statusCode()).isEqualTo(204);
        assertThat(lockedIn(schedule(sessionId), 3)).as("given back with the arrival").contains(lockedPair);
    }

    /** The pairs of the locked meetings of a round. */
    private static List<Set<String>> lockedIn(JsonNode schedule, int round) {
        List<Set<String>> locked = new ArrayList<>();
        for (JsonNode t : schedule.path("rounds").get(round - 1).path("tables")) {
            if (t.path("locked").asBoolean()) locked.add(pair(t));
        }
        return locked;
    }

    /**
     * An absence noted before publication stays one when the plan is generated again (a walk-in registered, say): the
     * plan seats only those present, and the hand adjustments that follow are taken.
     */
    @Test
    void aPlanGeneratedAgainSeatsNoParticipantMarkedAbsent() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;
        String absent = ACTORS.get(2);
        assertThat(service.post(path + "/absences", FACILITATOR, "{\"actorId\": \"%s\"}".formatted(absent))
                .statusCode()).isEqualTo(204);

        HttpResponse<String> again = service.post(path + "/schedule/generate", FACILITATOR, "");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode regenerated = schedule(sessionId);
        assertThat(regenerated.findValuesAsText("actorId")).isNotEmpty().doesNotContain(absent);
        lockFirstMeeting(sessionId, regenerated, 2);
    }

    /**
     * Marked absent before the first round (the wrong line clicked at the welcome desk), then checked in after all:
     * the absence is taken back and the rounds seat the participant again. Once a round started, an absent
     * participant arrives late instead.
     */
    @Test
    void aParticipantMarkedAbsentBeforeTheFirstRoundWhoChecksInIsPlannedBackIn() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        String participant = ACTORS.get(1);
        String body = "{\"actorId\": \"%s\"}".formatted(participant);
        assertThat(service.post(path + "/check-ins", FACILITATOR, body).statusCode()).isEqualTo(204);
        assertThat(service.post(path + "/absences", FACILITATOR, body).statusCode()).isEqualTo(204);
        assertThat(schedule(sessionId).findValuesAsText("actorId")).as("re-planned without them").doesNotContain(participant);

        HttpResponse<String> back = service.post(path + "/check-ins", FACILITATOR, body);

        assertThat(back.statusCode()).as(back.body()).isEqualTo(204);
        assertThat(schedule(sessionId).findValuesAsText("actorId")).as("seated again (a round may give them a rest)")
                .contains(participant);
        assertThat(store.eventTypes(sessionId)).endsWith("ParticipantCheckedInEvent", "ScheduleAdjustedEvent");

        // Once the first round started, marked absent again and back: a late arrival, not a check-in.
        assertThat(service.post(path + "/rounds/1/start", FACILITATOR, "").statusCode()).isEqualTo(204);
        assertThat(service.post(path + "/absences", FACILITATOR, body).statusCode()).isEqualTo(204);
        int written = store.eventTypes(sessionId).size();
        HttpResponse<String> afterStart = service.post(path + "/check-ins", FACILITATOR, body);
        assertThat(afterStart.statusCode()).as(afterStart.body()).isEqualTo(409);
        assertThat(afterStart.body()).contains("arrive en retard");
        assertThat(store.eventTypes(sessionId)).hasSize(written);
        assertThat(service.post(path + "/late-arrivals", FACILITATOR, body).statusCode()).isEqualTo(204);
    }

    /**
     * A check-in that takes back an absence before the first round is two writes too (the check-in, then the re-plan
     * that seats the participant again). Written without its re-plan (here the check-in sent alone), asking again
     * re-plans instead of answering that the participant has arrived already: it would otherwise sit at no table.
     */
    @Test
    void aCheckInWrittenWithoutItsReplanIsCompletedWhenAskedAgain() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);
        String participant = ACTORS.get(1);
        String body = "{\"actorId\": \"%s\"}".formatted(participant);
        assertThat(service.post(path + "/absences", FACILITATOR, body).statusCode()).isEqualTo(204);
        service.commands().sendAndWait(new CheckInParticipantCommand(sessionId, participant));
        assertThat(schedule(sessionId).findValuesAsText("actorId")).as("checked in, not re-planned").doesNotContain(participant);
        // The session says so, for the live page to offer to finish it.
        assertThat(replanPending(sessionId, participant)).isTrue();

        HttpResponse<String> again = service.post(path + "/check-ins", FACILITATOR, body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
        assertThat(schedule(sessionId).findValuesAsText("actorId")).contains(participant);
        assertThat(replanPending(sessionId, participant)).isFalse();
        assertThat(service.post(path + "/check-ins", FACILITATOR, body).statusCode())
                .as("once seated, arrived already").isEqualTo(409);
    }

    /**
     * A live change is two writes (the change, then its re-plan). When
     * only the first was written (a failure in between, here the first write sent alone), asking again completes the
     * rest instead of answering that it is done already, so that the facilitator is never left with a schedule the
     * session refuses to adjust.
     */
    @Test
    void aLiveChangeWrittenWithoutItsFollowUpIsCompletedWhenAskedAgain() {
        String sessionId = generated(3, 4);
        String path = "/api/sessions/" + sessionId;
        assertThat(service.post(path + "/schedule/publish", FACILITATOR, "").statusCode()).isEqualTo(204);

        HttpResponse<String> started = service.post(path + "/rounds/1/start", FACILITATOR, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(204);
        JsonNode roundOne = schedule(sessionId).path("rounds").get(0).path("tables");
        assertThat(roundOne.findValuesAsText("held")).hasSize(3).containsOnly("true");

        // An absence recorded, its re-plan not: the rounds to come still seat the absent participant.
        String absent = ACTORS.get(0);
        service.commands().sendAndWait(new MarkParticipantAbsentCommand(sessionId, absent));
        assertThat(replanPending(sessionId, absent)).as("absent, still seated").isTrue();
        HttpResponse<String> absentAgain = service.post(path + "/absences", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(absent));
        assertThat(absentAgain.statusCode()).as(absentAgain.body()).isEqualTo(204);
        assertThat(replanPending(sessionId, absent)).isFalse();
        JsonNode withoutAbsent = schedule(sessionId);
        for (int round = 2; round <= 3; round++) {
            assertThat(withoutAbsent.path("rounds").get(round - 1).findValuesAsText("actorId")).as("round " + round)
                    .isNotEmpty().doesNotContain(absent);
        }
        // Adjusting by hand works again.
        lockFirstMeeting(sessionId, withoutAbsent, 3);

        // A table lost, its re-plan not written.
        int lost = withoutAbsent.path("rounds").get(1).path("tables").get(0).path("table").asInt();
        service.commands().sendAndWait(new RecordTableLostCommand(sessionId, lost));
        HttpResponse<String> lostAgain = service.post(path + "/tables-lost", FACILITATOR,
                "{\"table\": %d}".formatted(lost));
        assertThat(lostAgain.statusCode()).as(lostAgain.body()).isEqualTo(204);
        JsonNode withoutTable = schedule(sessionId);
        for (int round = 2; round <= 3; round++) {
            assertThat(withoutTable.path("rounds").get(round - 1).path("tables").findValuesAsText("table"))
                    .as("round " + round).isNotEmpty().doesNotContain(String.valueOf(lost));
        }

        // A late arrival recorded, its re-plan not; then a change by hand that takes no account of it (a lock).
        service.commands().sendAndWait(new RegisterLateArrivalCommand(sessionId, absent));
        assertThat(replanPending(sessionId, absent)).as("arrived late, at no table").isTrue();
        int lockable = schedule(sessionId).path("rounds").get(2).path("tables").get(0).path("table").asInt();
        HttpResponse<String> lockedSince = service.post(path + "/schedule/adjustments", FACILITATOR, """
                {"action": "LOCK", "meeting": {"round": 3, "table": %d}}""".formatted(lockable));
        assertThat(lockedSince.statusCode()).as(lockedSince.body()).isEqualTo(200);
        HttpResponse<String> lateAgain = service.post(path + "/late-arrivals", FACILITATOR,
                "{\"actorId\": \"%s\"}".formatted(absent));
        assertThat(lateAgain.statusCode()).as(lateAgain.body()).isEqualTo(204);
        List<String> types = store.eventTypes(sessionId);
        assertThat(types.get(types.size() - 1)).isEqualTo("ScheduleAdjustedEvent");
        assertThat(store.payloads(sessionId).get(types.size() - 1)).contains("arrivée en retard de " + absent);
    }

    /** A session of Isère with the six actors registered, two of them wishing to meet each other, generated. */
    private static String generated(int rounds, int tables) {
        String sessionId = planned(ACTORS, rounds, tables);
        for (int[] wish : new int[][]{{2, 3}, {3, 2}}) {
            assertThat(service.post("/api/sessions/" + sessionId + "/wishes", FACILITATOR,
                    "{\"actorId\": \"%s\", \"wishedActorId\": \"%s\"}".formatted(ACTORS.get(wish[0]),
                            ACTORS.get(wish[1]))).statusCode()).isEqualTo(204);
        }
        HttpResponse<String> generated = service.post("/api/sessions/" + sessionId + "/schedule/generate",
                FACILITATOR, "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        return sessionId;
    }

    /** Whether the session says a presence change of this participant waits for its re-plan. */
    private static boolean replanPending(String sessionId, String actorId) {
        JsonNode participants = RunningMatchmaking.parse(service.get("/api/sessions/" + sessionId, FACILITATOR).body())
                .path("participants");
        return StreamSupport.stream(participants.spliterator(), false)
                .filter(p -> p.path("actorId").asText().equals(actorId)).findFirst().orElseThrow()
                .path("replanPending").asBoolean();
    }

    /** What a desk read of the session, and the re-plan of an absence it computed from it. */
    private record DeskReading(SessionState read, Schedule replan) {
    }

    /** A desk marking {@code absentee} absent reads the session now and computes the absence's re-plan from it. */
    private static DeskReading absenceReplannedAsReadNow(String sessionId, String absentee) {
        SessionState read = service.context().getBean(SessionReader.class).read(sessionId);
        return new DeskReading(read, service.context().getBean(SessionScheduling.class)
                .replan(read, read.presentWithout(absentee), read.availableTables()));
    }

    /** A session of Isère with these actors registered, no plan yet. */
    private static String planned(List<String> actors, int rounds, int tables) {
        HttpResponse<String> planned = service.post("/api/sessions", FACILITATOR, """
                {"title": "Rencontres de l'emploi", "territory": {"code": "38", "level": "DEPARTEMENT"},
                 "place": "Grenoble", "date": "%s", "startsAt": "09:00", "rounds": %d, "minutesPerRound": 12,
                 "tables": %d}""".formatted(LocalDate.now().plusDays(7), rounds, tables));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String sessionId = RunningMatchmaking.parse(planned.body()).path("id").asText();
        for (String actor : actors) {
            assertThat(service.post("/api/sessions/" + sessionId + "/participants", FACILITATOR,
                    "{\"actorId\": \"%s\"}".formatted(actor)).statusCode()).isEqualTo(204);
        }
        return sessionId;
    }

    private static JsonNode schedule(String sessionId) {
        HttpResponse<String> response = service.get("/api/sessions/" + sessionId + "/schedule", FACILITATOR);
        assertThat(response.statusCode()).isEqualTo(200);
        return RunningMatchmaking.parse(response.body());
    }

    private static JsonNode adjusted(String sessionId, String body) {
        HttpResponse<String> response = service.post("/api/sessions/" + sessionId + "/schedule/adjustments",
                FACILITATOR, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answered = RunningMatchmaking.parse(response.body());
        assertThat(answered).isEqualTo(schedule(sessionId));
        return answered;
    }

    /** Locks by hand the meeting at the first table of {@code round}: a hand change the session takes (200). */
    private static void lockFirstMeeting(String sessionId, JsonNode schedule, int round) {
        adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": %d, "table": %d}}""".formatted(round,
                schedule.path("rounds").get(round - 1).path("tables").get(0).path("table").asInt()));
    }

    private static JsonNode table(JsonNode schedule, int round, int table) {
        for (JsonNode t : schedule.path("rounds").get(round - 1).path("tables")) {
            if (t.path("table").asInt() == table) return t;
        }
        throw new AssertionError("no meeting at round " + round + ", table " + table + " in " + schedule);
    }

    /**
     * Each round's meetings listed by table, as the room is laid out and as a facilitator reads them out, whatever order
     * the swaps and moves left them in.
     */
    private static void assertTablesInOrder(JsonNode schedule) {
        for (JsonNode round : schedule.path("rounds")) {
            assertThat(round.path("tables").findValues("table").stream().map(JsonNode::asInt).toList())
                    .as("the tables of round " + round.path("round").asInt()).isSorted();
        }
    }

    private static int freeTable(JsonNode schedule, int round) {
        Set<Integer> used = new HashSet<>();
        schedule.path("rounds").get(round - 1).path("tables").forEach(t -> used.add(t.path("table").asInt()));
        for (int table = 1; ; table++) {
            if (!used.contains(table)) return table;
        }
    }

    /** Locks the meeting at table 2 of round 3 (a promise the facilitator made), publishes; returns its two actors. */
    private static Set<String> lockRoundThreeTableTwoAndPublish(String sessionId) {
        Set<String> lockedPair = pair(table(adjusted(sessionId, """
                {"action": "LOCK", "meeting": {"round": 3, "table": 2}}"""), 3, 2));
        assertThat(service.post("/api/sessions/" + sessionId + "/schedule/publish", FACILITATOR, "").statusCode())
                .isEqualTo(204);
        return lockedPair;
    }

    private static Set<String> pair(JsonNode table) {
        return Set.of(table.path("actor").path("actorId").asText(), table.path("partner").path("actorId").asText());
    }
}
