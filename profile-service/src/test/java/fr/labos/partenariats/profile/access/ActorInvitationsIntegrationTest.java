package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.actor.command.InvitationCode;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.profile.InviteActorMemberCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.labos.partenariats.profile.access.ProfileHttp.ACTOR_IN_GRENOBLE;
import static fr.labos.partenariats.profile.access.ProfileHttp.invitationsOf;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static fr.labos.partenariats.profile.access.ProfileHttp.membersOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A member invites a colleague, who signs in with an account of its own, gives the code back and acts for the actor
 * from then on; a code serves once, can be withdrawn, and every refusal is a problem that writes nothing.
 */
@ProfileServiceIntegrationTest
class ActorInvitationsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    ProfileHttp http;
    TestTokens.Token member;
    TestTokens.Token colleague;
    String actor;

    @BeforeEach
    void aMemberRegisteredItsActor() {
        http = new ProfileHttp(port);
        member = TestTokens.member().subject("u-member-" + UUID.randomUUID());
        colleague = TestTokens.member().subject("u-colleague-" + UUID.randomUUID());
        actor = http.registerActor(member.sign());
    }

    @Test
    void theColleagueWhoGivesTheCodeBackActsForTheActorFromThenOn() {
        ResponseEntity<String> invitation = http.post(member.sign(), invitationsOf(actor), null);
        assertThat(invitation.getStatusCode()).as(invitation.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(invitation.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode created = json(invitation.getBody());
        String code = created.get("code").asText();
        assertThat(code).startsWith(created.get("invitationId").asText() + ".");
        assertThat(Instant.parse(created.get("expiresAt").asText()))
                .as("a week by default").isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        assertThat(http.call(HttpMethod.PUT, colleague.sign(), "/api/actors/" + actor, ACTOR_IN_GRENOBLE).getStatusCode())
                .as("not yet a member").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> joined = http.post(colleague.sign(), "/api/me/actors", codeBody(code));

        assertThat(joined.getStatusCode()).as(joined.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(joined.getBody()).get("id").asText()).isEqualTo(actor);
        assertThat(json(http.get(colleague.sign(), "/api/me/actors").getBody()).findValuesAsText("id")).containsExactly(actor);
        assertThat(http.call(HttpMethod.PUT, colleague.sign(), "/api/actors/" + actor,
                ACTOR_IN_GRENOBLE.replace("Plateforme de mobilité", "Plateforme de mobilité solidaire")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get(colleague.sign(), "/api/actors/" + actor + "/contact").getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode members = json(http.get(colleague.sign(), "/api/actors/" + actor + "/members").getBody());
        assertThat(members.findValuesAsText("subject")).containsExactly(member.subject(), colleague.subject());
        assertThat(members.get(1).get("joinedAs").asText()).isEqualTo("ACTOR_MEMBER");
        assertThat(members.findValuesAsText("role")).as("the registrant manages; the colleague acts")
                .containsExactly("MANAGER", "MEMBER");

        ResponseEntity<String> listed = http.get(member.sign(), invitationsOf(actor));
        assertThat(listed.getBody()).as("codes are shown once, never listed").doesNotContain(code.substring(code.indexOf('.') + 1));
        JsonNode used = json(listed.getBody()).get(0);
        assertThat(used.get("status").asText()).isEqualTo("REDEEMED");
        assertThat(used.get("invitedBy").asText()).isEqualTo(member.subject());
        assertThat(used.get("redeemedBy").asText()).isEqualTo(colleague.subject());
        assertThat(eventTypesOf(actor)).endsWith("ActorMemberInvitedEvent", "ActorInvitationRedeemedEvent",
                "ActorMemberJoinedEvent", "ActorProfileUpdatedEvent");
    }

    @Test
    void aCodeServesOnceAndAWithdrawnOneNoLonger() {
        String code = invite();
        assertThat(http.post(colleague.sign(), "/api/me/actors", codeBody(code)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> second = assertRefusedWritingNothing(TestTokens.member().sign(), codeBody(code), HttpStatus.CONFLICT);
        assertThat(json(second.getBody()).get("detail").asText()).contains("déjà servi");

        String withdrawn = invite();
        String invitationId = withdrawn.substring(0, withdrawn.indexOf('.'));
        assertThat(http.call(HttpMethod.DELETE, member.sign(), invitationsOf(actor) + "/" + invitationId, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(http.get(member.sign(), invitationsOf(actor)).getBody()).get(0).get("status").asText())
                .isEqualTo("REVOKED");
        ResponseEntity<String> afterWithdrawal = assertRefusedWritingNothing(TestTokens.member().sign(), codeBody(withdrawn),
                HttpStatus.CONFLICT);
        assertThat(json(afterWithdrawal.getBody()).get("detail").asText()).contains("retirée");
        assertThat(http.call(HttpMethod.DELETE, member.sign(), invitationsOf(actor) + "/" + invitationId, null).getStatusCode())
                .as("withdrawn already").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void everyRefusalIsAProblemAndWritesNothing() {
        String code = invite();
        String invitationId = code.substring(0, code.indexOf('.'));
        String wrongSecret = invitationId + "." + "A".repeat(22);
        String unknown = UUID.randomUUID() + code.substring(code.indexOf('.'));

        ResponseEntity<String> wrong = assertRefusedWritingNothing(colleague.sign(), codeBody(wrongSecret), HttpStatus.NOT_FOUND);
        ResponseEntity<String> none = assertRefusedWritingNothing(colleague.sign(), codeBody(unknown), HttpStatus.NOT_FOUND);
        assertThat(json(wrong.getBody()).get("detail")).as("a wrong code and an unknown invitation tell the same")
                .isEqualTo(json(none.getBody()).get("detail"));
        assertRefusedWritingNothing(colleague.sign(), codeBody("pas-un-code"), HttpStatus.BAD_REQUEST);
        assertRefusedWritingNothing(colleague.sign(), "{}", HttpStatus.BAD_REQUEST);
        // A viewer is refused before the invitation is looked up: the same 403 whether it exists or not.
        ResponseEntity<String> viewerWithTheCode = assertRefusedWritingNothing(TestTokens.viewer().sign(), codeBody(code), HttpStatus.FORBIDDEN);
        ResponseEntity<String> viewerGuessing = assertRefusedWritingNothing(TestTokens.viewer().sign(), codeBody(unknown), HttpStatus.FORBIDDEN);
        assertThat(json(viewerGuessing.getBody()).get("detail")).isEqualTo(json(viewerWithTheCode.getBody()).get("detail"));
        ResponseEntity<String> already = assertRefusedWritingNothing(member.sign(), codeBody(code), HttpStatus.CONFLICT);
        assertThat(json(already.getBody()).get("detail").asText()).contains("déjà membre");
        assertRefusedWritingNothing(member.sign(), codeBody(wrongSecret), HttpStatus.NOT_FOUND);
        assertRefusedWritingNothing(null, codeBody(code), HttpStatus.UNAUTHORIZED);

        // Only those who act for the actor invite, see the invitations and withdraw them.
        for (String outsider : new String[]{colleague.sign(), TestTokens.viewer().sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign()}) {
            long events = StoredRows.eventsOf(jdbc, actor);
            assertThat(http.post(outsider, invitationsOf(actor), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.get(outsider, invitationsOf(actor)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.call(HttpMethod.DELETE, outsider, invitationsOf(actor) + "/" + invitationId, null)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(StoredRows.eventsOf(jdbc, actor)).isEqualTo(events);
        }
        assertThat(http.call(HttpMethod.DELETE, member.sign(), invitationsOf(actor) + "/" + UUID.randomUUID(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Another actor's invitation, through this actor's path: this actor made no such invitation.
        String elsewhere = http.registerActor(member.sign());
        assertThat(http.call(HttpMethod.DELETE, member.sign(), invitationsOf(elsewhere) + "/" + invitationId, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.post(colleague.sign(), "/api/me/actors", codeBody(code)).getStatusCode())
                .as("the refusals left the invitation working").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anExpiredCodeIsAConflictThatSaysSinceWhen() {
        InvitationCode code = InvitationCode.newCode();
        Instant expiresAt = Instant.now().plusMillis(300);
        commands.sendAndWait(new InviteActorMemberCommand(actor, code.invitationId(), code.digest(), expiresAt));
        await().until(() -> Instant.now().isAfter(expiresAt));

        ResponseEntity<String> expired = assertRefusedWritingNothing(colleague.sign(), codeBody(code.value()), HttpStatus.CONFLICT);

        assertThat(json(expired.getBody()).get("detail").asText()).startsWith("Cette invitation a expiré le ")
                .contains(String.valueOf(expiresAt.atZone(LabCalendar.ZONE).getYear()));
        assertThat(json(http.get(member.sign(), invitationsOf(actor)).getBody()).get(0).get("status").asText())
                .isEqualTo("EXPIRED");
        assertThat(http.call(HttpMethod.DELETE, member.sign(), invitationsOf(actor) + "/" + code.invitationId(), null)
                .getStatusCode()).as("nothing left to withdraw").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void twentyInvitationsWaitAtMostPerActor() {
        for (int i = 0; i < 20; i++) {
            invite();
        }
        long events = StoredRows.eventsOf(jdbc, actor);
        ResponseEntity<String> oneTooMany = http.post(member.sign(), invitationsOf(actor), null);
        assertThat(oneTooMany.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(oneTooMany.getBody()).get("detail").asText()).contains("20 invitations en attente");
        assertThat(StoredRows.eventsOf(jdbc, actor)).isEqualTo(events);
    }

    @Test
    void whoAlreadyActsForTheActorByItsTokenOrItsRoleCannotJoinWithACode() {
        String code = invite();
        TestTokens.Token namedByToken = TestTokens.member(actor).subject("u-token-member-" + UUID.randomUUID());
        for (String actingAlready : new String[]{namedByToken.sign(), TestTokens.facilitator("DEPARTEMENT:38").sign(),
                TestTokens.admin().sign()}) {
            ResponseEntity<String> refused = assertRefusedWritingNothing(actingAlready, codeBody(code), HttpStatus.CONFLICT);
            assertThat(json(refused.getBody()).get("detail").asText()).startsWith("Vous agissez déjà pour cet acteur");
        }
        assertThat(StoredRows.membershipsOf(jdbc, actor)).as("no membership that would outlast the token's")
                .containsExactly(member.subject() + " MANAGER");
        http.joinWithCode(colleague.sign(), code);
    }

    @Test
    void whoMadeAnInvitationCannotUseItOnceItsTokenNoLongerNamesTheActor() {
        // A member named by its token alone invites, keeps the code, and is then removed at the identity provider.
        TestTokens.Token namedByToken = TestTokens.member(actor).subject("u-token-member-" + UUID.randomUUID());
        String kept = inviteAs(namedByToken);
        TestTokens.Token noLongerNamed = TestTokens.member().subject(namedByToken.subject());
        // A facilitator of the territory invites, keeps the code, and is then moved to another territory.
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").subject("u-facilitator-" + UUID.randomUUID());
        String keptByFacilitator = inviteAs(facilitator);
        TestTokens.Token facilitatorElsewhere = TestTokens.facilitator("DEPARTEMENT:73").subject(facilitator.subject());

        for (var attempt : List.of(List.of(noLongerNamed.sign(), kept), List.of(facilitatorElsewhere.sign(), keptByFacilitator))) {
            ResponseEntity<String> refused = assertRefusedWritingNothing(attempt.get(0), codeBody(attempt.get(1)),
                    HttpStatus.CONFLICT);
            assertThat(json(refused.getBody()).get("detail").asText()).isEqualTo("Vous avez fait cette invitation : elle"
                    + " est à transmettre à la personne invitée, pas à utiliser vous-même.");
            assertThat(http.get(attempt.get(0), "/api/actors/" + actor + "/contact").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(StoredRows.membershipsOf(jdbc, actor)).containsExactly(member.subject() + " MANAGER");
        // The codes still serve the colleagues they are handed to.
        http.joinWithCode(colleague.sign(), kept);
        http.joinWithCode(TestTokens.member().subject("u-other-" + UUID.randomUUID()).sign(), keptByFacilitator);
    }

    @Test
    void aFacilitatorOfTheTerritoryAndAnAdminInviteToo() {
        for (String inviter : new String[]{TestTokens.facilitator("DEPARTEMENT:38").sign(), TestTokens.admin().sign()}) {
            assertThat(http.post(inviter, invitationsOf(actor), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(json(http.get(member.sign(), invitationsOf(actor)).getBody()).findValuesAsText("status"))
                .containsExactly("PENDING", "PENDING");
    }

    @Test
    void aManagerMadeAMemberThenRemovedDoesNotComeBackWithACodeItKept() {
        TestTokens.Token bob = colleague;
        http.joinWithCode(bob.sign(), invite());
        assertThat(http.call(HttpMethod.PUT, member.sign(), membersOf(actor) + "/" + bob.subject() + "/role",
                "{\"role\": \"MANAGER\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String kept = invite();
        assertThat(http.call(HttpMethod.PUT, bob.sign(), membersOf(actor) + "/" + member.subject() + "/role",
                "{\"role\": \"MEMBER\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.call(HttpMethod.DELETE, bob.sign(), membersOf(actor) + "/" + member.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> back = assertRefusedWritingNothing(member.sign(), codeBody(kept), HttpStatus.CONFLICT);

        assertThat(json(back.getBody()).get("detail").asText())
                .isEqualTo("Cette invitation a été faite avant que vous ne soyez retiré·e de cet acteur : elle ne vous y fait pas"
                        + " revenir. Demandez-en une nouvelle à l'un de ses responsables.");
        assertThat(StoredRows.membershipsOf(jdbc, actor)).containsExactly(bob.subject() + " MANAGER");
        assertThat(http.get(member.sign(), "/api/actors/" + actor + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theLastManagerRemovedDoesNotComeBackAsManagerWithACodeItKept() {
        String kept = invite();
        assertThat(http.call(HttpMethod.DELETE, TestTokens.facilitator("DEPARTEMENT:38").sign(),
                membersOf(actor) + "/" + member.subject(), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertRefusedWritingNothing(member.sign(), codeBody(kept), HttpStatus.CONFLICT);

        assertThat(StoredRows.membershipsOf(jdbc, actor)).as("no one took the place").isEmpty();
        // The code still serves whoever it was handed to, who takes the place the removal left.
        http.joinWithCode(colleague.sign(), kept);
        assertThat(StoredRows.membershipsOf(jdbc, actor)).containsExactly(colleague.subject() + " MANAGER");
    }

    private String invite() {
        return inviteAs(member);
    }

    private String inviteAs(TestTokens.Token inviter) {
        ResponseEntity<String> invitation = http.post(inviter.sign(), invitationsOf(actor), null);
        assertThat(invitation.getStatusCode()).as(invitation.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(invitation.getBody()).get("code").asText();
    }

    private ResponseEntity<String> assertRefusedWritingNothing(String token, String body, HttpStatus expected) {
        return StoredRows.assertRefusedWritingNothing(jdbc, actor, expected, () -> http.post(token, "/api/me/actors", body));
    }

    private static String codeBody(String code) {
        return "{\"invitationCode\": \"" + code + "\"}";
    }


    private List<String> eventTypesOf(String actorId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, actorId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
