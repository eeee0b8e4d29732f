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

import java.util.UUID;

import static fr.labos.partenariats.profile.access.ProfileHttp.ACTOR_IN_GRENOBLE;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static fr.labos.partenariats.profile.access.ProfileHttp.membersOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships granted here end: a member leaves, or someone acting for the actor removes it. The former member loses
 * every right the membership gave at once; a removal that has nothing to remove, or that its caller may not make, writes
 * nothing. A facilitator or an admin registering an actor joins it not: it acts for it through its role, while it lasts.
 */
@ProfileServiceIntegrationTest
class ActorMembersIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ProfileHttp http;
    TestTokens.Token registrant;
    String actor;

    @BeforeEach
    void aMemberRegisteredItsOrganisationAndBecameItsManager() {
        http = new ProfileHttp(port);
        registrant = TestTokens.member().subject("u-registrant-" + UUID.randomUUID());
        actor = http.registerActor(registrant.sign());
    }

    @Test
    void whoeverActsForTheActorSeesItsMembersAndNoOneElseDoes() {
        ResponseEntity<String> members = http.get(TestTokens.member(actor).sign(), membersOf(actor));
        assertThat(members.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = json(members.getBody());
        assertThat(list.findValuesAsText("subject")).containsExactly(registrant.subject());
        assertThat(list.get(0).get("joinedAt").asText()).isNotBlank();
        assertThat(list.get(0).get("joinedAs").asText()).as("the account it registered the actor with")
                .isEqualTo("ACTOR_MEMBER");
        assertThat(list.get(0).get("role").asText()).isEqualTo("MANAGER");

        for (String outsider : new String[]{TestTokens.member().sign(), TestTokens.viewer().sign(),
                TestTokens.facilitator("DEPARTEMENT:73").sign()}) {
            assertThat(http.get(outsider, membersOf(actor)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.get(TestTokens.admin().sign(), membersOf(UUID.randomUUID().toString())).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMemberRemovedByTheActorsOwnPeopleNoLongerActsForItAnywhere() {
        // Its token names no actor: its membership alone lets it act.
        TestTokens.Token registrantElsewhere = registrant;
        assertThat(http.call(HttpMethod.PUT, registrantElsewhere.sign(), "/api/actors/" + actor, ACTOR_IN_GRENOBLE)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        long eventsBefore = StoredRows.eventsOf(jdbc, actor);

        ResponseEntity<String> removal = http.call(HttpMethod.DELETE, TestTokens.member(actor).sign(),
                membersOf(actor) + "/" + registrant.subject(), null);

        assertThat(removal.getStatusCode()).as(removal.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(StoredRows.eventsOf(jdbc, actor)).as("one ActorMemberLeftEvent").isEqualTo(eventsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber DESC LIMIT 1", String.class, actor)).endsWith("ActorMemberLeftEvent");
        assertThat(json(http.get(TestTokens.admin().sign(), membersOf(actor)).getBody())).isEmpty();
        assertThat(http.call(HttpMethod.PUT, registrantElsewhere.sign(), "/api/actors/" + actor, ACTOR_IN_GRENOBLE)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(registrantElsewhere.sign(), "/api/actors/" + actor + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.post(registrantElsewhere.sign(), "/api/actors/" + actor + "/needs", ProfileHttp.NEED)
                .getStatusCode()).as("no need posted in its name").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json(http.get(registrantElsewhere.sign(), "/api/me/actors").getBody()).findValuesAsText("id"))
                .doesNotContain(actor);
    }

    @Test
    void aFacilitatorOrAnAdminWhoRegistersAnActorActsForItThroughItsRoleOnlyAndJoinsItNot() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").subject("u-facilitator-" + UUID.randomUUID());
        TestTokens.Token admin = TestTokens.admin().subject("u-admin-" + UUID.randomUUID());
        for (TestTokens.Token registering : new TestTokens.Token[]{facilitator, admin}) {
            String registered = http.registerActor(registering.sign());
            assertThat(StoredRows.membershipsOf(jdbc, registered)).as("no lasting membership").isEmpty();
            assertThat(json(http.get(registering.sign(), "/api/me/actors").getBody()).findValuesAsText("id"))
                    .doesNotContain(registered);
            assertThat(http.call(HttpMethod.PUT, registering.sign(), "/api/actors/" + registered, ACTOR_IN_GRENOBLE)
                    .getStatusCode()).as("through its role").isEqualTo(HttpStatus.NO_CONTENT);
        }
        // Moved to another territory, the facilitator no longer acts for the actor it registered.
        String registered = http.registerActor(facilitator.sign());
        TestTokens.Token facilitatorElsewhere = TestTokens.facilitator("DEPARTEMENT:73").subject(facilitator.subject());
        assertThat(http.call(HttpMethod.PUT, facilitatorElsewhere.sign(), "/api/actors/" + registered, ACTOR_IN_GRENOBLE)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(facilitatorElsewhere.sign(), "/api/actors/" + registered + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aMemberMayLeaveAndAFacilitatorOfTheTerritoryOrAnAdminMayRemoveOne() {
        TestTokens.Token member = TestTokens.member().subject("u-member-" + UUID.randomUUID());
        String own = http.registerActor(member.sign());
        assertThat(http.call(HttpMethod.DELETE, member.sign(), membersOf(own) + "/" + member.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get(member.sign(), "/api/actors/" + own + "/contact").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        String another = http.registerActor(member.sign());
        assertThat(http.call(HttpMethod.DELETE, TestTokens.facilitator("DEPARTEMENT:38").sign(),
                membersOf(another) + "/" + member.subject(), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String third = http.registerActor(member.sign());
        assertThat(http.call(HttpMethod.DELETE, TestTokens.admin().sign(),
                membersOf(third) + "/" + member.subject(), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(http.get(member.sign(), "/api/me/actors").getBody())).isEmpty();
    }

    @Test
    void aRemovalRefusedOrWithNothingToRemoveIsAProblemAndWritesNothing() {
        String path = membersOf(actor) + "/" + registrant.subject();
        assertRefusedWritingNothing(TestTokens.member().sign(), path, HttpStatus.FORBIDDEN);
        assertRefusedWritingNothing(TestTokens.viewer().actors(actor).sign(), path, HttpStatus.FORBIDDEN);
        assertRefusedWritingNothing(TestTokens.facilitator("DEPARTEMENT:73").sign(), path, HttpStatus.FORBIDDEN);
        // A subject named by the provider's tokens, or one that never was a member: nothing granted here to take away.
        assertRefusedWritingNothing(TestTokens.admin().sign(), membersOf(actor) + "/u-never-a-member", HttpStatus.NOT_FOUND);

        assertThat(http.call(HttpMethod.DELETE, TestTokens.admin().sign(), path, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> again = assertRefusedWritingNothing(TestTokens.admin().sign(), path, HttpStatus.NOT_FOUND);
        assertThat(json(again.getBody()).get("detail").asText()).contains(registrant.subject()).contains("adhésion");
        assertRefusedWritingNothing(TestTokens.admin().sign(), membersOf(actor) + "/" + "u".repeat(256),
                HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<String> assertRefusedWritingNothing(String token, String path, HttpStatus expected) {
        return StoredRows.assertRefusedWritingNothing(jdbc, actor, expected,
                () -> http.call(HttpMethod.DELETE, token, path, null));
    }
}
