package fr.labos.partenariats.matchmaking.introduction.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.matchmaking.support.TwoActorsOfIsere;
import fr.labos.partenariats.platform.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views follow the write API through the service's own relay and the topic: a facilitator's introduction, then
 * both answers, read back from the timeline, the inbox and the funnel with who took each step, then a meeting missed by
 * one side, whose absence the meetings of the timeline and the inbox name; and the timeline tells each reader whether
 * the write API would take its withdrawal.
 */
class IntroductionViewsFollowTheWriteApiTest {

    private static InMemoryMongo mongo;
    private static ProfileEventPublisher profiles;
    private static RunningMatchmaking service;
    private static TwoActorsOfIsere actors;

    @BeforeAll
    static void start() {
        String profileTopic = SharedKafka.newTopic("it.views-api.profile.events");
        String topic = SharedKafka.newTopic("it.views-api.matchmaking.events");
        mongo = InMemoryMongo.start();
        profiles = new ProfileEventPublisher(SharedKafka.bootstrapServers(), profileTopic);
        actors = TwoActorsOfIsere.registered(profiles, "api");
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), profileTopic, "it-views-api",
                "lab.relay.topic=" + topic, "matchmaking.introduction-views.topic=" + topic,
                "matchmaking.introduction-views.group-id=it-views-api", "matchmaking.dashboard.refresh=100ms");
    }

    @AfterAll
    static void stop() {
        service.close();
        profiles.close();
        mongo.close();
    }

    @Test
    void aFacilitatorsIntroductionAndBothAnswersReachTheTimelineTheInboxAndTheFunnel() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38");
        String id = actors.knownTo(service).introducedBy(service, facilitator.sign(), "Deux acteurs de l'insertion");

        await().atMost(ofSeconds(30)).until(() -> service.get("/api/introductions/" + id).statusCode() == 200);
        // Who may withdraw it: its proposer and admins, not another facilitator of the territory nor a side's member —
        // as the write API answers them.
        TestTokens.Token colleague = TestTokens.facilitator("DEPARTEMENT:38");
        assertThat(withdrawable(id, facilitator.sign(), "api-b")).as("its proposer").isTrue();
        assertThat(withdrawable(id, TestTokens.admin().sign(), "api-b")).as("an admin").isTrue();
        assertThat(withdrawable(id, colleague.sign(), "api-b")).as("another facilitator of Isère").isFalse();
        assertThat(withdrawable(id, TestTokens.member("api-a").sign(), "api-a")).as("a member of a side").isFalse();
        assertThat(service.post("/api/introductions/" + id + "/withdraw", colleague.sign(), "{}").statusCode()).isEqualTo(403);
        JsonNode inbox = service.getJson("/api/actors/api-b/introductions");
        assertThat(inbox.path("introductions").get(0).path("id").asText()).isEqualTo(id);
        assertThat(inbox.path("introductions").get(0).path("waitingForYourAnswer").asBoolean()).isTrue();

        String admin = TestTokens.admin().sign();
        assertThat(service.post("/api/introductions/" + id + "/accept", admin, "{\"actingFor\": \"api-a\"}").statusCode()).isEqualTo(204);
        assertThat(service.post("/api/introductions/" + id + "/accept", admin, "{\"actingFor\": \"api-b\"}").statusCode()).isEqualTo(204);

        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(service.getJson("/api/introductions/" + id).path("status").asText()).isEqualTo("accepted"));
        JsonNode steps = service.getJson("/api/introductions/" + id).path("steps");
        assertThat(steps.size()).isEqualTo(3);
        assertThat(steps.get(0).path("subject").asText()).isEqualTo(facilitator.subject());
        assertThat(steps.get(0).path("role").asText()).isEqualTo("FACILITATOR");
        assertThat(steps.get(0).path("text").asText()).isEqualTo("Deux acteurs de l'insertion");
        assertThat(steps.get(2).path("role").asText()).isEqualTo("ADMIN");
        assertThat(steps.get(2).path("actingFor").asText()).isEqualTo("api-b");
        // Answered by both sides: withdrawn by nobody.
        assertThat(withdrawable(id, facilitator.sign(), "api-a")).as("its proposer, once accepted").isFalse();
        assertThat(withdrawable(id, admin, "api-b")).as("an admin, once accepted").isFalse();
        assertThat(service.post("/api/introductions/" + id + "/withdraw", facilitator.sign(), "{}").statusCode()).isEqualTo(409);
        await().atMost(ofSeconds(10)).untilAsserted(() -> {
            JsonNode funnel = service.getJson("/api/dashboard/funnel");
            assertThat(funnel.path("byStatus").path("accepted").asInt()).isEqualTo(1);
            assertThat(funnel.path("steps").get(1).path("count").asInt()).isEqualTo(1);
        });

        // A meeting the commune did not come to: the timeline's meeting and the inbox's say whose absence it was, as
        // the step does, so that a page listing the meetings need not read the steps.
        HttpResponse<String> planned = service.post("/api/introductions/" + id + "/meetings", admin, """
                {"meetingId": "api-m1", "startsAt": "%s", "place": "Mairie d'Échirolles", "actingFor": "api-a"}"""
                .formatted(Instant.now().minus(Duration.ofHours(1))));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        HttpResponse<String> missed = service.post("/api/introductions/" + id + "/meetings/api-m1/missed", admin,
                "{\"actingFor\": \"api-a\", \"absentActorId\": \"api-b\", \"note\": \"Personne à l'accueil\"}");
        assertThat(missed.statusCode()).as(missed.body()).isEqualTo(204);
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(service.getJson("/api/introductions/" + id)
                .path("meetings").get(0).path("status").asText()).isEqualTo("missed"));
        JsonNode timeline = service.getJson("/api/introductions/" + id);
        assertThat(timeline.path("meetings").get(0).path("absentActorId").asText()).isEqualTo("api-b");
        JsonNode line = service.getJson("/api/actors/api-a/introductions").path("introductions").get(0);
        assertThat(line.path("meetings").get(0).path("status").asText()).isEqualTo("missed");
        assertThat(line.path("meetings").get(0).path("absentActorId").asText()).isEqualTo("api-b");
    }

    /**
     * During a rolling upgrade a newer release may write a stage or a source this one does not know: the inbox, the
     * timeline and a facilitator's follow-up list still answer (each failed whole on that one introduction), the
     * introduction shown without them, or left out where the list is by stage.
     */
    @Test
    void anIntroductionWrittenByANewerReleaseLeavesTheReadsAnswering() {
        mongo.template().getCollection(IntroductionView.COLLECTION).insertOne(new Document("_id", "api-newer")
                .append("stage", "ON_HOLD").append("source", "PARTNER_NETWORK")
                .append("actorId", "api-a").append("partnerActorId", "api-b")
                // Its steps and meetings, as every view has them (the follow-up list reads the last step).
                .append("steps", java.util.List.of()).append("meetings", java.util.List.of()));
        // And one at a known stage, reminded by a channel this release does not know.
        mongo.template().getCollection(IntroductionView.COLLECTION).insertOne(new Document("_id", "api-newer-reminder")
                .append("stage", "ACCEPTED").append("source", "FACILITATOR")
                .append("actorId", "api-a").append("partnerActorId", "api-b")
                .append("steps", java.util.List.of()).append("meetings", java.util.List.of())
                .append("lastReminder", new Document("at", java.util.Date.from(Instant.parse("2026-11-30T09:00:00Z")))
                        .append("channel", "MESSAGERIE_INSTANTANEE")));
        try {
            HttpResponse<String> inbox = service.get("/api/actors/api-a/introductions");
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            assertThat(read(inbox).path("introductions").findValuesAsText("id")).doesNotContain("api-newer");

            HttpResponse<String> timeline = service.get("/api/introductions/api-newer");
            assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
            assertThat(read(timeline).path("status").isNull()).as(timeline.body()).isTrue();
            assertThat(read(timeline).path("source").isNull()).as(timeline.body()).isTrue();

            // The facilitator's list: once the two actors are in the service's projection (read from the profile topic).
            String facilitator = TestTokens.facilitator("DEPARTEMENT:38").sign();
            JsonNode reminded = await().atMost(ofSeconds(30)).until(() -> {
                HttpResponse<String> followUps = service.get("/api/introductions", facilitator);
                assertThat(followUps.statusCode()).as(followUps.body()).isEqualTo(200);
                JsonNode line = null;
                for (JsonNode each : read(followUps).path("introductions")) {
                    line = each.path("id").asText().equals("api-newer-reminder") ? each : line;
                }
                return line;
            }, java.util.Objects::nonNull);
            assertThat(reminded.path("lastReminder").path("label").asText()).isEqualTo("relance");
            assertThat(service.get("/api/introductions.csv", TestTokens.facilitator("DEPARTEMENT:38").sign()).statusCode())
                    .isEqualTo(200);
        } finally {
            mongo.template().getCollection(IntroductionView.COLLECTION).deleteOne(new Document("_id", "api-newer"));
            mongo.template().getCollection(IntroductionView.COLLECTION).deleteOne(new Document("_id", "api-newer-reminder"));
        }
    }

    /**
     * Whether the timeline, read with this token, says its reader may withdraw the introduction; the line of the
     * introduction in the inbox of {@code side}, read with the same token, says the same.
     */
    private static boolean withdrawable(String id, String token, String side) {
        boolean fromTimeline = permissions(service.get("/api/introductions/" + id, token)).path("withdraw").asBoolean();
        JsonNode inbox = read(service.get("/api/actors/" + side + "/introductions", token));
        JsonNode line = null;
        for (JsonNode entry : inbox.path("introductions")) {
            line = entry.path("id").asText().equals(id) ? entry : line;
        }
        assertThat(line).as("the line of " + id + " in " + inbox).isNotNull();
        assertThat(line.path("permissions").path("withdraw").isBoolean()).as(line.toString()).isTrue();
        assertThat(line.path("permissions").path("withdraw").asBoolean()).as("the inbox as the timeline")
                .isEqualTo(fromTimeline);
        return fromTimeline;
    }

    private static JsonNode permissions(HttpResponse<String> timeline) {
        JsonNode permissions = read(timeline).path("permissions");
        assertThat(permissions.path("withdraw").isBoolean()).as(timeline.body()).isTrue();
        return permissions;
    }

    private static JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
