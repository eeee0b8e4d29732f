package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.labos.partenariats.profile.access.ProfileHttp.invitationsOf;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static fr.labos.partenariats.profile.access.ProfileHttp.membersOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles among the members granted here, over HTTP with signed tokens and the real event store: whoever registered the
 * actor manages its members, a colleague who came with an invitation acts for it but manages nobody until a manager
 * names it so, and the last manager stays one while members remain. Every refusal is a problem that writes nothing.
 */
@ProfileServiceIntegrationTest
class MemberRolesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ProfileHttp http;
    TestTokens.Token founder;
    TestTokens.Token colleague;
    String actor;

    @BeforeEach
    void aFounderRegisteredItsActorAndAColleagueJoinedWithAnInvitation() {
        http = new ProfileHttp(port);
        founder = TestTokens.member().subject("u-founder-" + UUID.randomUUID());
        colleague = TestTokens.member().subject("u-colleague-" + UUID.randomUUID());
        actor = http.registerActor(founder.sign());
        String code = json(http.post(founder.sign(), invitationsOf(actor), null).getBody()).get("code").asText();
        http.joinWithCode(colleague.sign(), code);
    }

    @Test
    void aColleagueActsForTheActorButManagesNobodyAndMayLeave() {
        assertThat(http.postNeed(colleague.sign(), actor)).isNotBlank();
        assertThat(http.get(colleague.sign(), membersOf(actor)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> invite = assertRefusedWritingNothing(HttpStatus.FORBIDDEN,
                () -> http.post(colleague.sign(), invitationsOf(actor), null));
        assertThat(json(invite.getBody()).get("detail").asText()).contains("responsables").contains("pas responsable");
        assertRefusedWritingNothing(HttpStatus.FORBIDDEN, () -> http.get(colleague.sign(), invitationsOf(actor)));
        assertRefusedWritingNothing(HttpStatus.FORBIDDEN, () -> http.call(HttpMethod.DELETE, colleague.sign(),
                membersOf(actor) + "/" + founder.subject(), null));
        assertRefusedWritingNothing(HttpStatus.FORBIDDEN, () -> http.call(HttpMethod.PUT, colleague.sign(),
                roleOf(colleague), "{\"role\": \"MANAGER\"}"));

        assertThat(http.call(HttpMethod.DELETE, colleague.sign(), membersOf(actor) + "/" + colleague.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(http.get(founder.sign(), membersOf(actor)).getBody()).findValuesAsText("subject"))
                .containsExactly(founder.subject());
    }

    @Test
    void aColleagueNamedManagerInvitesAndMayHandTheRoleBack() {
        ResponseEntity<String> named = http.call(HttpMethod.PUT, founder.sign(), roleOf(colleague), "{\"role\": \"MANAGER\"}");
        assertThat(named.getStatusCode()).as(named.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(http.get(founder.sign(), membersOf(actor)).getBody()).findValuesAsText("role"))
                .containsExactly("MANAGER", "MANAGER");
        assertThat(http.post(colleague.sign(), invitationsOf(actor), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // Named again: nothing more is recorded.
        long events = StoredRows.eventsOf(jdbc, actor);
        assertThat(http.call(HttpMethod.PUT, founder.sign(), roleOf(colleague), "{\"role\": \"MANAGER\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(StoredRows.eventsOf(jdbc, actor)).isEqualTo(events);

        // The colleague now makes the founder a member only; the founder manages nobody from its next request on.
        assertThat(http.call(HttpMethod.PUT, colleague.sign(), roleOf(founder), "{\"role\": \"MEMBER\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertRefusedWritingNothing(HttpStatus.FORBIDDEN, () -> http.post(founder.sign(), invitationsOf(actor), null));
        assertThat(json(http.get(founder.sign(), membersOf(actor)).getBody()).findValuesAsText("role"))
                .containsExactly("MEMBER", "MANAGER");
    }

    @Test
    void theLastManagerStaysOneWhileMembersRemainWhoeverAsks() {
        for (String asking : new String[]{founder.sign(), TestTokens.admin().sign()}) {
            ResponseEntity<String> leaving = assertRefusedWritingNothing(HttpStatus.CONFLICT,
                    () -> http.call(HttpMethod.DELETE, asking, membersOf(actor) + "/" + founder.subject(), null));
            assertThat(json(leaving.getBody()).get("detail").asText()).contains("nommez d'abord");
            assertRefusedWritingNothing(HttpStatus.CONFLICT,
                    () -> http.call(HttpMethod.PUT, asking, roleOf(founder), "{\"role\": \"MEMBER\"}"));
        }
        // A facilitator of the territory and an admin manage any actor's members: here, the colleague leaves the
        // founder alone, who may then go.
        assertThat(http.call(HttpMethod.DELETE, TestTokens.facilitator("DEPARTEMENT:38").sign(),
                membersOf(actor) + "/" + colleague.subject(), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.call(HttpMethod.DELETE, founder.sign(), membersOf(actor) + "/" + founder.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aRoleChangeThatCannotBeMadeIsAProblemAndWritesNothing() {
        assertRefusedWritingNothing(HttpStatus.BAD_REQUEST,
                () -> http.call(HttpMethod.PUT, founder.sign(), roleOf(colleague), "{\"role\": \"BOSS\"}"));
        assertRefusedWritingNothing(HttpStatus.BAD_REQUEST,
                () -> http.call(HttpMethod.PUT, founder.sign(), roleOf(colleague), "{}"));
        assertRefusedWritingNothing(HttpStatus.NOT_FOUND, () -> http.call(HttpMethod.PUT, founder.sign(),
                membersOf(actor) + "/u-never-a-member/role", "{\"role\": \"MANAGER\"}"));
        for (String outsider : new String[]{TestTokens.member().sign(), TestTokens.viewer().actors(actor).sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign()}) {
            assertRefusedWritingNothing(HttpStatus.FORBIDDEN,
                    () -> http.call(HttpMethod.PUT, outsider, roleOf(colleague), "{\"role\": \"MANAGER\"}"));
        }
        // A member its token names is vouched for by the identity provider: it manages.
        assertThat(http.call(HttpMethod.PUT, TestTokens.member(actor).sign(), roleOf(colleague), "{\"role\": \"MANAGER\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * What each caller may do, as the API tells a browser application: the same answer as the operations give, role by
     * role, and a new role counts from the next request.
     */
    @Test
    void thePermissionsSayWhatTheOperationsAccept() {
        assertThat(permissions(founder.sign())).isEqualTo("actFor manageMembers readContact");
        assertThat(permissions(colleague.sign())).isEqualTo("actFor readContact");
        assertThat(permissions(TestTokens.facilitator("DEPARTEMENT:38").sign())).isEqualTo("actFor manageMembers readContact");
        assertThat(permissions(TestTokens.admin().sign())).isEqualTo("actFor manageMembers readContact");
        assertThat(permissions(TestTokens.member(actor).sign())).isEqualTo("actFor manageMembers readContact");
        for (String outsider : new String[]{TestTokens.member().sign(), TestTokens.viewer().actors(actor).sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign()}) {
            assertThat(permissions(outsider)).isEmpty();
        }

        // A facilitator of another territory who joined as a plain member acts for the actor as one, no more.
        TestTokens.Token savoyard = TestTokens.facilitator("DEPARTEMENT:73").subject("u-savoyard-" + UUID.randomUUID());
        String code = json(http.post(founder.sign(), invitationsOf(actor), null).getBody()).get("code").asText();
        http.joinWithCode(savoyard.sign(), code);
        assertThat(permissions(savoyard.sign())).isEqualTo("actFor readContact");
        assertThat(http.get(savoyard.sign(), invitationsOf(actor)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(http.call(HttpMethod.PUT, founder.sign(), roleOf(colleague), "{\"role\": \"MANAGER\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(permissions(colleague.sign())).isEqualTo("actFor manageMembers readContact");

        ResponseEntity<String> unknown = http.get(founder.sign(), "/api/actors/" + UUID.randomUUID() + "/permissions");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    /** The permissions granted, by name, in the answer's order (empty: none). */
    private String permissions(String token) {
        ResponseEntity<String> answer = http.get(token, "/api/actors/" + actor + "/permissions");
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode permissions = json(answer.getBody());
        assertThat(permissions.size()).as(answer.getBody()).isEqualTo(3);
        StringBuilder granted = new StringBuilder();
        permissions.fields().forEachRemaining(field -> {
            if (field.getValue().asBoolean()) granted.append(granted.isEmpty() ? "" : " ").append(field.getKey());
        });
        return granted.toString();
    }

    /**
     * A member who joined before roles existed was written at revision 1 of its joining event, without a role: the
     * event store reads it as a manager, as every member then could do what a manager does now. The founder may then
     * hand over its role, which it could not were the old member read without one.
     */
    @Test
    void aMemberStoredBeforeRolesExistedIsReadFromTheEventStoreAsAManager() {
        long next = jdbc.queryForObject("SELECT max(sequencenumber) + 1 FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, actor);
        String payload = "{\"actorId\":\"" + actor + "\",\"memberSubject\":\"u-old-timer\",\"joinedAt\":\"2026-09-12T08:30:00Z\"}";
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Actor', ?, ?, ?, '1', 'fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent',
                    '2026-09-12T08:30:00Z')""",
                actor, next, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8));

        ResponseEntity<String> handedOver = http.call(HttpMethod.PUT, founder.sign(), roleOf(founder), "{\"role\": \"MEMBER\"}");

        assertThat(handedOver.getStatusCode()).as(handedOver.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber DESC LIMIT 1", String.class, actor)).endsWith("ActorMemberRoleChangedEvent");
    }

    private ResponseEntity<String> assertRefusedWritingNothing(HttpStatus expected,
                                                               Supplier<ResponseEntity<String>> call) {
        return StoredRows.assertRefusedWritingNothing(jdbc, actor, expected, call);
    }

    private String roleOf(TestTokens.Token member) {
        return membersOf(actor) + "/" + member.subject() + "/role";
    }
}
