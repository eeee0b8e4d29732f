package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A speed-meeting session of the demo territory from end to end, through the real broker, the real authorization
 * server and both services: the demo's session (planned in Isère, twenty demo actors, two mutual wishes) is
 * generated and published, eighteen participants check in and two are marked absent, every round runs and the session
 * closes; then every meeting held is an introduction accepted by both sides whose outcome can be followed.
 */
@ExtendWith(SignedInLab.Resolver.class)
class SessionEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FACILITATOR = DemoSession.FACILITATOR;

    @Test
    void everyMeetingHeldAtTheDemoSessionBecomesAFollowedIntroduction(SignedInLab lab) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                DemoSession.PARTICIPANTS.stream().allMatch(key -> lab.send("GET",
                        lab.matchmaking.resolve("/api/actors/" + lab.actor(key) + "/partners?limit=1"), FACILITATOR,
                        null).statusCode() == 200));
        String sessionId = new DemoSession(lab.matchmaking, lab.token(FACILITATOR), lab.loaded.actors())
                .planReadyToGenerate();
        String session = "/api/sessions/" + sessionId;

        JsonNode generated = json(post(lab, session + "/schedule/generate", null, 200));
        assertThat(generated.path("objective").path("mutualWishesMet").asInt()).isEqualTo(2);
        assertThat(generated.path("objective").path("minimumMeetings").asInt()).isEqualTo(6);
        post(lab, session + "/schedule/publish", null, 204);

        List<String> participants = DemoSession.PARTICIPANTS.stream().map(lab::actor).toList();
        Set<String> absent = Set.of(participants.get(7), participants.get(13));
        for (String actor : participants) {
            post(lab, session + (absent.contains(actor) ? "/absences" : "/check-ins"),
                    "{\"actorId\": \"%s\"}".formatted(actor), 204);
        }
        for (int round = 1; round <= 6; round++) {
            post(lab, session + "/rounds/" + round + "/start", null, 204);
        }
        post(lab, session + "/close", null, 204);

        JsonNode schedule = json(lab.send("GET", lab.matchmaking.resolve(session + "/schedule"), FACILITATOR, null));
        assertThat(schedule.path("closed").asBoolean()).isTrue();
        List<String[]> held = new ArrayList<>();
        for (JsonNode round : schedule.path("rounds")) {
            for (JsonNode table : round.path("tables")) {
                String a = table.path("actor").path("actorId").asText();
                String b = table.path("partner").path("actorId").asText();
                assertThat(absent).as("nobody absent sits in the re-planned rounds").doesNotContain(a, b);
                assertThat(table.path("held").asBoolean()).isTrue();
                held.add(new String[]{a, b});
            }
        }
        // 18 present, 10 tables: 9 meetings in each of the 6 rounds.
        assertThat(held).hasSize(54);
        Set<String> pairs = new HashSet<>();
        held.forEach(p -> pairs.add(p[0].compareTo(p[1]) < 0 ? p[0] + p[1] : p[1] + p[0]));
        assertThat(pairs).as("no pair meets twice").hasSize(54);

        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        for (String[] meeting : held) {
            String introduction = "/api/introductions/" + introductionId(sessionId, meeting[0], meeting[1]);
            // The introduction exists once the session's events were handled; an outcome is then accepted only
            // because it is accepted by both sides (a 404 or a refusal writes nothing).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    lab.send("POST", lab.matchmaking.resolve(introduction + "/outcomes"), FACILITATOR, """
                            {"outcome": "FOLLOW_UP_PLANNED", "day": "%s", "note": "Suite de la rencontre express"}"""
                            .formatted(today)).statusCode() == 204);
        }
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

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
