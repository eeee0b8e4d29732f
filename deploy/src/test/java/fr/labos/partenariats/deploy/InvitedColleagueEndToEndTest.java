package fr.labos.partenariats.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member invites a colleague who has an account of its own (the demo's {@code member-newcomer}); the colleague gives
 * the code back to profile-service and, once the membership travelled through the broker, acts for the organisation
 * at matchmaking-service too — until a member removes it, which reaches matchmaking-service the same way.
 */
@ExtendWith(SignedInLab.Resolver.class)
class InvitedColleagueEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEWCOMER = "member-newcomer";
    private static final String ACTOR = """
            {"name": "Atelier Vélo Solidaire %s", "type": "ASSOCIATION", "homeTerritory": "38185",
             "themes": ["MOBILITY"], "sdgs": [11], "description": "Réparation et prêt de vélos",
             "contact": {"name": "Sacha Bernard", "email": "sacha@atelier-velo.example.org"}}""";

    @Test
    void theColleagueActsForTheOrganisationInBothServicesUntilRemoved(SignedInLab lab) throws Exception {
        String actor = lab.create("/api/actors", "member-tremplin", ACTOR.formatted(System.nanoTime()));
        String inbox = "/api/actors/" + actor + "/introductions";
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(lab, inbox, "member-tremplin") == 200);
            assertThat(status(lab, inbox, NEWCOMER)).as("not a member yet").isEqualTo(403);

            HttpResponse<String> invitation = lab.send("POST", lab.profile.resolve("/api/actors/" + actor + "/invitations"),
                    "member-tremplin", null);
            assertThat(invitation.statusCode()).as(invitation.body()).isEqualTo(201);
            String code = JSON.readTree(invitation.body()).path("code").asText();
            HttpResponse<String> joined = lab.send("POST", lab.profile.resolve("/api/me/actors"), NEWCOMER,
                    "{\"invitationCode\": \"" + code + "\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
            assertThat(JSON.readTree(joined.body()).path("id").asText()).isEqualTo(actor);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(lab, inbox, NEWCOMER) == 200);
            JsonNode mine = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/me/actors"), NEWCOMER, null).body());
            assertThat(mine.findValuesAsText("id")).contains(actor);
            JsonNode members = JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/members"),
                    "member-tremplin", null).body());
            assertThat(members.findValuesAsText("subject")).as("whoever registered it, then the colleague")
                    .containsExactly(lab.subjectOf("member-tremplin"), lab.subjectOf(NEWCOMER));
            assertThat(members.findValuesAsText("role")).containsExactly("MANAGER", "MEMBER");
            // The colleague acts for the organisation (its inbox above) but, a member and not a responsable, neither
            // invites nor removes anyone, nor raises itself: refused with its sign-in provider's token, as a problem.
            String whoRegistered = lab.subjectOf("member-tremplin");
            for (String[] refused : new String[][]{
                    {"POST", "/api/actors/" + actor + "/invitations", null},
                    {"DELETE", "/api/actors/" + actor + "/members/" + whoRegistered, null},
                    {"PUT", "/api/actors/" + actor + "/members/" + lab.subjectOf(NEWCOMER) + "/role", "{\"role\": \"MANAGER\"}"}}) {
                HttpResponse<String> answer = lab.send(refused[0], lab.profile.resolve(refused[1]), NEWCOMER, refused[2]);
                assertThat(answer.statusCode()).as(refused[0] + " " + refused[1] + ": " + answer.body()).isEqualTo(403);
                assertThat(JSON.readTree(answer.body()).path("detail").asText()).contains("pas responsable");
            }
            assertThat(JSON.readTree(lab.send("GET", lab.profile.resolve("/api/actors/" + actor + "/members"),
                    "member-tremplin", null).body()).findValuesAsText("role")).as("nothing changed")
                    .containsExactly("MANAGER", "MEMBER");

            assertThat(lab.send("DELETE", lab.profile.resolve("/api/actors/" + actor + "/members/" + lab.subjectOf(NEWCOMER)),
                    "member-tremplin", null).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status(lab, inbox, NEWCOMER) == 403);
        } finally {
            lab.leaveEveryOrganisation(NEWCOMER);
        }
    }

    private static int status(SignedInLab lab, String path, String account) {
        return lab.send("GET", lab.matchmaking.resolve(path), account, null).statusCode();
    }
}
