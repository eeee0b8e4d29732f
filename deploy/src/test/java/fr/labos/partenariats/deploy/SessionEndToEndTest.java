package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.labos.partenariats.schema.Topics;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.labos.partenariats.deploy.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A speed-meeting session of the demo territory from end to end, through the real broker, the real authorization
 * server and both services: the demo's session (planned in Isère, twenty demo actors, two mutual wishes) is
 * generated and published, eighteen participants check in and two are marked absent, every round runs and the session
 * closes; then every meeting held is an introduction accepted by both sides, in both actors' inboxes with its
 * timeline, whose outcome can be followed, and the dashboard's funnel moved by as much. A pair that already had an
 * introduction in progress (the demo's request of Tremplin Insertion to Fonds Assureur, one of the session's mutual
 * wishes) sees the meeting join it rather than a second one opened. Other tests share the lab: the funnel is compared
 * with a reading taken before the rounds ran, and awaited.
 */
@ExtendWith(SignedInLab.Resolver.class)
class SessionEndToEndTest {

    private static final String FACILITATOR = DemoSession.FACILITATOR;

    @Test
    void everyMeetingHeldAtTheDemoSessionBecomesAFollowedIntroduction(SignedInLab lab, @TempDir Path demoProgress) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                DemoSession.PARTICIPANTS.stream().allMatch(key -> lab.send("GET",
                        lab.matchmaking.resolve("/api/actors/" + lab.actor(key) + "/partners?limit=1"), FACILITATOR,
                        null).statusCode() == 200));
        // The demo's history of introductions, as the launcher loads it, unless this lab has it already. Its actors'
        // requests go to the matcher's best partner, which depends on what else the lab holds: if Tremplin Insertion
        // and Fonds Assureur (a mutual wish of the session) have no introduction in progress then, the facilitator
        // introduces them by hand, so that the session has one to join either way.
        String tremplin = lab.actor("tremplin-insertion");
        String fonds = lab.actor("fonds-assureur");
        if (inProgress(lab, tremplin, fonds) == null) {
            new DemoIntroductions(lab.matchmaking, lab.auth, lab.loaded.actors())
                    .loadOnce(demoProgress.resolve("progress.json"));
        }
        if (inProgress(lab, tremplin, fonds) == null) {
            post(lab, "/api/introductions", """
                    {"actorId": "%s", "partnerId": "%s", "source": "FACILITATOR", "note": "À se rencontrer"}"""
                    .formatted(tremplin, fonds), 201);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                inProgress(lab, tremplin, fonds) != null);
        String demoIntroduction = inProgress(lab, tremplin, fonds).path("id").asText();

        String sessionId = new DemoSession(lab.matchmaking, lab.token(FACILITATOR), lab.loaded.actors())
                .planReadyToGenerate();
        String session = "/api/sessions/" + sessionId;

        // No demo introduction keeps the session's mutual wishes apart (DemoIntroductionsTest checks the demo's data);
        // Tremplin and Fonds Assureur have one in progress, which does not set a pair aside: both wishes are seated.
        JsonNode weights = json(lab.send("GET", lab.matchmaking.resolve(session + "/pair-weights"), FACILITATOR, null));
        for (List<String> wish : DemoSession.MUTUAL_WISHES) {
            Set<String> pair = Set.of(lab.actor(wish.get(0)), lab.actor(wish.get(1)));
            assertThat(weights.path("setAside").findParents("reason")).as("set aside: " + wish)
                    .noneMatch(aside -> Set.of(aside.path("actorId").asText(), aside.path("partnerActorId").asText()).equals(pair));
        }
        JsonNode generated = json(post(lab, session + "/schedule/generate", null, 200));
        assertThat(generated.path("objective").path("mutualWishesMet").asInt()).isEqualTo(DemoSession.MUTUAL_WISHES.size());
        assertThat(generated.path("objective").path("minimumMeetings").asInt()).isEqualTo(6);
        post(lab, session + "/schedule/publish", null, 204);

        List<String> participants = DemoSession.PARTICIPANTS.stream().map(lab::actor).toList();
        Set<String> absent = Set.of(participants.get(7), participants.get(13));
        for (String actor : participants) {
            post(lab, session + (absent.contains(actor) ? "/absences" : "/check-ins"),
                    "{\"actorId\": \"%s\"}".formatted(actor), 204);
        }
        // Before the rounds run: the funnel, and each seated pair's introduction in progress (waiting for answers,
        // or accepted and not closed by an outcome), which its meeting is to join. No round started yet, so the
        // re-planned schedule is the one that will be held.
        // Read once every introduction made so far (the demo's history, just loaded perhaps) is in the views, and the
        // dashboard has taken them in (its facts follow the views about every second): what changes after is the
        // session's doing.
        try (ConsumerGroupProgress progress = new ConsumerGroupProgress(lab.kafkaBootstrapServers)) {
            progress.awaitReadToTheEnd("matchmaking-introduction-views", Topics.MATCHMAKING_EVENTS, Duration.ofSeconds(90));
        }
        Readings.settled("the dashboard settled", Duration.ofSeconds(3), Duration.ofSeconds(60), () -> funnel(lab));
        JsonNode planned = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
        Map<String, JsonNode> inProgressBefore = new HashMap<>();
        for (String[] meeting : meetings(planned)) {
            JsonNode entry = inProgress(lab, meeting[0], meeting[1]);
            if (entry != null) inProgressBefore.put(meeting[0] + "|" + meeting[1], entry);
        }
        JsonNode funnelBefore = funnel(lab);

        for (int round = 1; round <= 6; round++) {
            post(lab, session + "/rounds/" + round + "/start", null, 204);
        }
        post(lab, session + "/close", null, 204);

        JsonNode schedule = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
        assertThat(schedule.path("closed").asBoolean()).isTrue();
        List<String[]> held = meetings(schedule);
        for (JsonNode round : schedule.path("rounds")) {
            for (JsonNode table : round.path("tables")) {
                assertThat(absent).as("nobody absent sits in the re-planned rounds")
                        .doesNotContain(table.path("actor").path("actorId").asText(),
                                table.path("partner").path("actorId").asText());
                assertThat(table.path("held").asBoolean()).isTrue();
            }
        }
        // 18 present, 10 tables: 9 meetings in each of the 6 rounds.
        assertThat(held).hasSize(54);
        Set<String> pairs = new HashSet<>();
        held.forEach(p -> pairs.add(p[0].compareTo(p[1]) < 0 ? p[0] + p[1] : p[1] + p[0]));
        assertThat(pairs).as("no pair meets twice").hasSize(54);
        assertThat(inProgressBefore).as("the demo's introduction is among those joined")
                .containsKey(pairKey(held, tremplin, fonds));

        // Every meeting held is an introduction in both actors' inboxes, with its timeline: a new one (source
        // SPEED_MEETING, proposed, accepted by both, met) or the pair's introduction in progress, now met. The
        // funnel moves accordingly: a new one is proposed, accepted and met; a joined one reaches "accepted" and
        // "met" unless it had already; all of them reach "follow-up" once the outcome below is recorded.
        Map<String, String> introductionOf = new HashMap<>();
        long newOnes = 0;
        long acceptedNow = 0;
        long metNow = 0;
        long followUpNow = 0;
        for (String[] meeting : held) {
            String key = meeting[0] + "|" + meeting[1];
            String meetingId = "session-" + sessionId + "-tour-" + meeting[2];
            JsonNode before = inProgressBefore.get(key);
            String id = before == null ? introductionId(sessionId, meeting[0], meeting[1]) : before.path("id").asText();
            introductionOf.put(key, id);
            AtomicReference<JsonNode> timeline = new AtomicReference<>();
            // Checked at once (Awaitility's first check otherwise waits a poll interval): once the session's events
            // are handled, most of the 54 are already there.
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<String> response = lab.send("GET", lab.matchmaking.resolve("/api/introductions/" + id),
                        FACILITATOR, null);
                timeline.set(response.statusCode() == 200 ? json(response) : null);
                return timeline.get() != null && heldMeeting(timeline.get(), meetingId);
            });
            JsonNode shown = timeline.get();
            List<String> what = shown.path("steps").findValuesAsText("what");
            assertThat(shown.path("acceptedBy")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(meeting[0], meeting[1]);
            // The step says the meeting's day (the round's, in Paris), beside the day it was recorded.
            String heldStep = "rencontre tenue (rendez-vous du " + LabCalendar.inFrench(LabCalendar.dayOf(
                    Instant.parse(meetingOf(shown, meetingId).path("startsAt").asText()))) + ")";
            assertThat(what).contains("acceptée par les deux parties", heldStep);
            if (before == null) {
                assertThat(shown.path("source").asText()).isEqualTo("SPEED_MEETING");
                assertThat(shown.path("sourceLabel").asText()).isEqualTo("proposée après une rencontre express");
                assertThat(what).containsExactly("proposée après une rencontre express",
                        "acceptée par une partie", "acceptée par les deux parties", "rencontre prévue", heldStep);
                newOnes++;
                acceptedNow++;
                metNow++;
                followUpNow++;
            } else {
                assertThat(lab.send("GET", lab.matchmaking.resolve("/api/introductions/"
                        + introductionId(sessionId, meeting[0], meeting[1])), FACILITATOR, null).statusCode())
                        .as("no second introduction for a pair whose introduction was in progress").isEqualTo(404);
                String stage = before.path("status").asText();
                if (stage.equals("proposed")) acceptedNow++;
                if (stage.equals("proposed") || stage.equals("accepted")) metNow++;
                if (!stage.equals("follow-up")) followUpNow++;
            }
            for (String side : new String[]{meeting[0], meeting[1]}) {
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() ->
                        inbox(lab, side, FACILITATOR).path("introductions").findValuesAsText("id").contains(id));
            }
        }
        String joinedDemo = introductionOf.get(pairKey(held, tremplin, fonds));
        assertThat(joinedDemo).as("the meeting of the demo's mutual wish joined the demo's introduction")
                .isEqualTo(demoIntroduction);
        assertThat(inbox(lab, tremplin, "member-tremplin").path("introductions").findValuesAsText("id"))
                .contains(demoIntroduction);
        awaitFunnel(lab, funnelBefore, newOnes, acceptedNow, metNow, 0);

        String today = LocalDate.now(LabCalendar.ZONE).toString();
        for (String[] meeting : held) {
            String introduction = "/api/introductions/" + introductionOf.get(meeting[0] + "|" + meeting[1]);
            // The introduction exists once the session's events were handled; an outcome is then accepted only
            // because it is accepted by both sides (a 404 or a refusal writes nothing).
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300)).until(() ->
                    lab.send("POST", lab.matchmaking.resolve(introduction + "/outcomes"), FACILITATOR, """
                            {"outcome": "FOLLOW_UP_PLANNED", "day": "%s", "note": "Suite de la rencontre express"}"""
                            .formatted(today)).statusCode() == 204);
        }
        awaitFunnel(lab, funnelBefore, newOnes, acceptedNow, metNow, followUpNow);
    }

    /** The introduction of the pair in progress (proposed, accepted, met or with a follow-up planned), if any. */
    private static JsonNode inProgress(SignedInLab lab, String actor, String partner) throws Exception {
        JsonNode latest = null;
        for (JsonNode entry : inbox(lab, actor, FACILITATOR).path("introductions")) {
            if (entry.path("partner").path("id").asText().equals(partner)
                    && Set.of("proposed", "accepted", "met", "follow-up").contains(entry.path("status").asText())
                    && (latest == null || entry.path("proposedAt").asText().compareTo(latest.path("proposedAt").asText()) > 0)) {
                latest = entry;
            }
        }
        return latest;
    }

    /** The schedule's meetings: the two actors and the round. */
    private static List<String[]> meetings(JsonNode schedule) {
        List<String[]> meetings = new ArrayList<>();
        for (JsonNode round : schedule.path("rounds")) {
            for (JsonNode table : round.path("tables")) {
                meetings.add(new String[]{table.path("actor").path("actorId").asText(),
                        table.path("partner").path("actorId").asText(), round.path("round").asText()});
            }
        }
        return meetings;
    }

    private static boolean heldMeeting(JsonNode timeline, String meetingId) {
        return meetingOf(timeline, meetingId).path("status").asText().equals("held");
    }

    /** The meeting of the timeline with this id (a missing node when there is none). */
    private static JsonNode meetingOf(JsonNode timeline, String meetingId) {
        for (JsonNode meeting : timeline.path("meetings")) {
            if (meeting.path("meetingId").asText().equals(meetingId)) {
                return meeting;
            }
        }
        return MissingNode.getInstance();
    }

    private static String pairKey(List<String[]> held, String x, String y) {
        for (String[] meeting : held) {
            if (meeting[0].equals(x) && meeting[1].equals(y) || meeting[0].equals(y) && meeting[1].equals(x)) {
                return meeting[0] + "|" + meeting[1];
            }
        }
        throw new AssertionError("the mutual wish " + x + " / " + y + " was not held");
    }

    private static JsonNode inbox(SignedInLab lab, String actorId, String account) throws Exception {
        HttpResponse<String> response = lab.send("GET", lab.matchmaking.resolve("/api/actors/" + actorId
                + "/introductions"), account, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode funnel(SignedInLab lab) throws Exception {
        HttpResponse<String> response = lab.send("GET", lab.matchmaking.resolve("/api/dashboard/funnel"), FACILITATOR,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("counts");
    }

    /** Waits until the funnel's counts moved from {@code before} by exactly these amounts. */
    private static void awaitFunnel(SignedInLab lab, JsonNode before, long proposed, long accepted, long met,
                                    long followUp) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode now = funnel(lab);
            assertThat(List.of(now.path("proposed").asLong() - before.path("proposed").asLong(),
                    now.path("accepted").asLong() - before.path("accepted").asLong(),
                    now.path("met").asLong() - before.path("met").asLong(),
                    now.path("followUp").asLong() - before.path("followUp").asLong()))
                    .as("funnel moves: proposed, accepted, met, follow-up")
                    .containsExactly(proposed, accepted, met, followUp);
        });
    }

    /** The id matchmaking-service gives the introduction of a session's pair (named either way round). */
    private static String introductionId(String sessionId, String x, String y) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = a.equals(x) ? y : x;
        return UUID.nameUUIDFromBytes(("speed-meeting|" + sessionId + "|" + a + "|" + b)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static HttpResponse<String> post(SignedInLab lab, String path, String body, int expected) {
        HttpResponse<String> response = lab.send("POST", lab.matchmaking.resolve(path), FACILITATOR, body);
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(expected);
        return response;
    }
}
