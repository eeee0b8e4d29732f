package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static fr.labos.partenariats.profile.access.ProfileHttp.invitationsOf;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static fr.labos.partenariats.profile.access.ProfileHttp.membersOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GDPR export as each of those who may read it gets it, over HTTP with signed tokens and the real event store: a
 * plain member (« membre ») reads everything the API shows it, its own joining included, but not the invitations, which
 * the invitations API refuses it too, and the document says they were left out; whoever manages the actor's members
 * (a manager, a member its token names, an admin) reads every event. (A facilitator of its territory who is not its
 * member may not export it: 403.)
 */
@ProfileServiceIntegrationTest
class ActorDataExportIntegrationTest {

    @LocalServerPort
    int port;

    ProfileHttp http;
    TestTokens.Token founder;
    TestTokens.Token colleague;
    String actor;
    String redeemed;
    String withdrawn;
    String need;

    /**
     * The founder invites twice: the colleague joins with the first code, the second is withdrawn. The founder names the
     * colleague manager and then a member only again, and the colleague, a plain member, posts a need.
     */
    @BeforeEach
    void aColleagueJoinedWithAnInvitationAndIsAPlainMember() {
        http = new ProfileHttp(port);
        founder = TestTokens.member().subject("u-founder-" + UUID.randomUUID());
        colleague = TestTokens.member().subject("u-colleague-" + UUID.randomUUID());
        actor = http.registerActor(founder.sign());
        JsonNode first = invite();
        redeemed = first.get("invitationId").asText();
        withdrawn = invite().get("invitationId").asText();
        http.joinWithCode(colleague.sign(), first.get("code").asText());
        assertThat(http.call(HttpMethod.DELETE, founder.sign(), invitationsOf(actor) + "/" + withdrawn, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        for (String role : new String[]{"MANAGER", "MEMBER"}) {
            assertThat(http.call(HttpMethod.PUT, founder.sign(), membersOf(actor) + "/" + colleague.subject() + "/role",
                    "{\"role\": \"" + role + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        need = http.postNeed(colleague.sign(), actor);
    }

    @Test
    void aPlainMembersExportLeavesTheInvitationsOutAndSaysSo() {
        ResponseEntity<String> response = http.get(colleague.sign(), "/api/actors/" + actor + "/export");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode export = json(response.getBody());
        // Its own joining, the members' roles and its need stay: the API shows it all of them.
        assertThat(history(export)).containsExactly(
                "ActorRegisteredEvent",
                "ActorMemberJoinedEvent " + founder.subject() + " MANAGER",
                "ActorMemberJoinedEvent " + colleague.subject() + " MEMBER",
                "ActorMemberRoleChangedEvent " + colleague.subject() + " MANAGER",
                "ActorMemberRoleChangedEvent " + colleague.subject() + " MEMBER",
                "NeedRegisteredEvent " + need);
        assertThat(response.getBody()).doesNotContain(redeemed).doesNotContain(withdrawn);
        assertThat(export.at("/withheld/eventTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "ActorMemberInvitedEvent", "ActorInvitationRedeemedEvent", "ActorInvitationRevokedEvent");
        assertThat(export.at("/withheld/note").asText())
                .contains("invitations").contains("ne figurent pas").contains("pas responsable")
                .contains("ne signifie pas qu'il n'y en a pas eu");
    }

    @Test
    void theManagersExportOfTheSameActorHoldsTheInvitations() {
        ResponseEntity<String> response = http.get(founder.sign(), "/api/actors/" + actor + "/export");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode export = json(response.getBody());
        assertThat(history(export)).containsExactly(
                "ActorRegisteredEvent",
                "ActorMemberJoinedEvent " + founder.subject() + " MANAGER",
                "ActorMemberInvitedEvent " + redeemed,
                "ActorMemberInvitedEvent " + withdrawn,
                "ActorInvitationRedeemedEvent " + redeemed + " " + colleague.subject(),
                "ActorMemberJoinedEvent " + colleague.subject() + " MEMBER",
                "ActorInvitationRevokedEvent " + withdrawn,
                "ActorMemberRoleChangedEvent " + colleague.subject() + " MANAGER",
                "ActorMemberRoleChangedEvent " + colleague.subject() + " MEMBER",
                "NeedRegisteredEvent " + need);
        assertThat(export.has("withheld")).isFalse();
    }

    /**
     * Whether the invitations are exported follows who manages the members, not how one became a member: a colleague
     * who joined with a code and was named manager gets them, a facilitator of another territory who joined with a
     * code as a plain member does not. (A facilitator of the actor's territory joins no more: it acts for the actor
     * through its role.)
     */
    @Test
    void whoeverManagesTheMembersGetsTheInvitationsAndOnlyThey() {
        TestTokens.Token manager = TestTokens.member().subject("u-manager-" + UUID.randomUUID());
        TestTokens.Token facilitatorElsewhere = TestTokens.facilitator("DEPARTEMENT:73");
        http.joinWithCode(manager.sign(), invite().get("code").asText());
        assertThat(http.call(HttpMethod.PUT, founder.sign(), membersOf(actor) + "/" + manager.subject() + "/role",
                "{\"role\": \"MANAGER\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        http.joinWithCode(facilitatorElsewhere.sign(), invite().get("code").asText());

        for (String full : new String[]{TestTokens.admin().sign(), TestTokens.member(actor).sign(), manager.sign()}) {
            JsonNode export = json(http.get(full, "/api/actors/" + actor + "/export").getBody());
            assertThat(history(export)).contains("ActorMemberInvitedEvent " + withdrawn,
                    "ActorInvitationRedeemedEvent " + redeemed + " " + colleague.subject(),
                    "ActorInvitationRevokedEvent " + withdrawn);
            assertThat(export.has("withheld")).isFalse();
        }
        ResponseEntity<String> elsewhere = http.get(facilitatorElsewhere.sign(), "/api/actors/" + actor + "/export");
        assertThat(elsewhere.getStatusCode()).as(elsewhere.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode export = json(elsewhere.getBody());
        assertThat(history(export)).noneMatch(entry -> entry.contains("Invit"))
                .contains("ActorMemberJoinedEvent " + facilitatorElsewhere.subject() + " MEMBER");
        assertThat(export.at("/withheld/eventTypes")).hasSize(3);
    }

    private JsonNode invite() {
        ResponseEntity<String> invitation = http.post(founder.sign(), invitationsOf(actor), null);
        assertThat(invitation.getStatusCode()).as(invitation.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(invitation.getBody());
    }

    /**
     * Each history entry as its type followed by what names its subject matter (the invitation, the member and its
     * role, the need), so that a list says which events were exported and about whom.
     */
    private static List<String> history(JsonNode export) {
        return StreamSupport.stream(export.get("history").spliterator(), false)
                .map(entry -> Stream.concat(Stream.of(entry.get("type").asText()),
                                Stream.of("invitationId", "memberSubject", "role", "needId")
                                        .map(field -> entry.get("event").path(field))
                                        .filter(JsonNode::isTextual).map(JsonNode::asText))
                        .collect(Collectors.joining(" ")))
                .toList();
    }
}
