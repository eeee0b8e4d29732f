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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static fr.labos.partenariats.profile.access.ProfileHttp.ACTOR_IN_GRENOBLE;
import static fr.labos.partenariats.profile.access.ProfileHttp.CONTACT_EMAIL;
import static fr.labos.partenariats.profile.access.ProfileHttp.NEED;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in profile-service, with real tokens through the real validation: members act for their own
 * actors only, facilitators within their territories, viewers read public views, anonymous callers nothing but health.
 * Every refusal writes nothing.
 */
@ProfileServiceIntegrationTest
class AuthorizationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ProfileHttp http;
    String member;
    String actor;
    String need;

    @BeforeEach
    void anActorOfIsereRegisteredByAMemberWithAnOpenAndAClosedNeed() {
        http = new ProfileHttp(port);
        member = TestTokens.member().sign();
        actor = http.registerActor(member);
        need = http.postNeed(member, actor);
        String closed = http.postNeed(member, actor);
        assertThat(http.call(HttpMethod.DELETE, member, "/api/actors/" + actor + "/needs/" + closed + "?reason=interne", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anonymousCallersGet401EverywhereButHealth() {
        for (String uri : new String[]{"/api/actors", "/api/actors/" + actor, "/api/actors/" + actor + "/needs",
                "/api/actors/" + actor + "/contact", "/api/actors/" + actor + "/export", "/actuator/prometheus"}) {
            ResponseEntity<String> response = http.get(null, uri);
            assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).as(uri).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertWritesNothing(() -> http.post(null, "/api/actors", ACTOR_IN_GRENOBLE), HttpStatus.UNAUTHORIZED);
        assertThat(http.get(null, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void expiredForeignAndTamperedTokensAre401AndWriteNothing() {
        for (String token : new String[]{TestTokens.admin().expired(Duration.ofMinutes(2)).sign(),
                TestTokens.admin().issuer("https://another-provider.example.org").sign(),
                TestTokens.member(actor).signTampered()}) {
            assertWritesNothing(() -> http.post(token, "/api/actors/" + actor + "/needs", NEED), HttpStatus.UNAUTHORIZED);
            assertThat(http.get(token, "/api/actors").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void theMemberWhoRegisteredAnActorActsForItAndSeesItsContact() {
        assertThat(json(http.get(member, "/api/actors/" + actor).getBody()).at("/contact/email").asText())
                .isEqualTo(CONTACT_EMAIL);
        assertThat(json(http.get(member, "/api/actors/" + actor + "/contact").getBody()).get("email").asText())
                .isEqualTo(CONTACT_EMAIL);
        assertThat(json(http.get(member, "/api/actors/" + actor + "/needs?includeClosed=true").getBody())).hasSize(2);
        assertThat(http.call(HttpMethod.PUT, member, "/api/actors/" + actor + "/needs/" + need, NEED).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aMemberOfAnActorByItsTokenActsForIt() {
        String byToken = TestTokens.member(actor).sign();
        assertThat(http.post(byToken, "/api/actors/" + actor + "/offers", NEED).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json(http.get(byToken, "/api/actors/" + actor).getBody()).at("/contact/email").asText())
                .isEqualTo(CONTACT_EMAIL);
    }

    @Test
    void aMemberOfAnotherActorCannotReadOrChangeThisActorsPostsOrContact() {
        String otherMember = TestTokens.member().sign();
        http.registerActor(otherMember);
        String needs = "/api/actors/" + actor + "/needs";

        assertWritesNothing(() -> http.post(otherMember, needs, NEED), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.PUT, otherMember, needs + "/" + need, NEED), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.DELETE, otherMember, needs + "/" + need, null), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.post(otherMember, needs + "/" + need + "/fulfilment", null), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.PUT, otherMember, "/api/actors/" + actor, ACTOR_IN_GRENOBLE),
                HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.DELETE, otherMember, "/api/actors/" + actor + "/contact", null),
                HttpStatus.FORBIDDEN);

        ResponseEntity<String> contact = http.get(otherMember, "/api/actors/" + actor + "/contact");
        assertThat(contact.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(contact.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(contact.getBody()).get("detail").asText()).contains("vous n'en êtes pas membre");
        assertThat(http.get(otherMember, needs + "?includeClosed=true").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(otherMember, "/api/actors/" + actor + "/export").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // The public views stay readable, without the contact person.
        ResponseEntity<String> profile = http.get(otherMember, "/api/actors/" + actor);
        assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(profile.getBody()).contains("Wimoov Isère").doesNotContain(CONTACT_EMAIL).doesNotContain("Camille");
        assertThat(json(http.get(otherMember, needs).getBody())).hasSize(1);
        assertThat(http.get(otherMember, needs + "/" + need).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFacilitatorOfIsereActsForItsActorsAndSeesTheirContact() {
        for (String territory : new String[]{"DEPARTEMENT:38", "REGION:84"}) {
            String facilitator = TestTokens.facilitator(territory).sign();
            assertThat(http.post(facilitator, "/api/actors/" + actor + "/needs", NEED).getStatusCode()).as(territory)
                    .isEqualTo(HttpStatus.CREATED);
            assertThat(json(http.get(facilitator, "/api/actors/" + actor + "/contact").getBody()).get("email").asText())
                    .isEqualTo(CONTACT_EMAIL);
            assertThat(http.post(facilitator, "/api/actors", ACTOR_IN_GRENOBLE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void aFacilitatorOfAnotherDepartementCannotActInIsere() {
        String rhone = TestTokens.facilitator("DEPARTEMENT:69").sign();

        assertWritesNothing(() -> http.post(rhone, "/api/actors", ACTOR_IN_GRENOBLE), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.post(rhone, "/api/actors/" + actor + "/needs", NEED), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.DELETE, rhone, "/api/actors/" + actor + "/needs/" + need, null),
                HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.call(HttpMethod.PUT, rhone, "/api/actors/" + actor, ACTOR_IN_GRENOBLE),
                HttpStatus.FORBIDDEN);
        assertThat(http.get(rhone, "/api/actors/" + actor + "/contact").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(rhone, "/api/actors/" + actor).getBody()).doesNotContain(CONTACT_EMAIL);
        // A facilitator of Isère may not move an actor into the Rhône either.
        String isere = TestTokens.facilitator("DEPARTEMENT:38").sign();
        assertWritesNothing(() -> http.call(HttpMethod.PUT, isere, "/api/actors/" + actor,
                ACTOR_IN_GRENOBLE.replace("38185", "69123")), HttpStatus.FORBIDDEN);
    }

    @Test
    void aViewerReadsPublicViewsOnlyAndSeesNoContact() {
        String viewer = TestTokens.viewer().sign();

        for (String uri : new String[]{"/api/actors", "/api/actors/" + actor, "/api/actors/" + actor + "/needs",
                "/api/actors/" + actor + "/needs/" + need, "/api/actors/" + actor + "/offers"}) {
            ResponseEntity<String> response = http.get(viewer, uri);
            assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(uri).doesNotContain(CONTACT_EMAIL).doesNotContain("Camille");
        }
        for (String uri : new String[]{"/api/actors/" + actor + "/contact", "/api/actors/" + actor + "/export",
                "/api/actors/" + actor + "/needs?includeClosed=true", "/actuator/prometheus"}) {
            assertThat(http.get(viewer, uri).getStatusCode()).as(uri).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertWritesNothing(() -> http.post(viewer, "/api/actors", ACTOR_IN_GRENOBLE), HttpStatus.FORBIDDEN);
        assertWritesNothing(() -> http.post(viewer, "/api/actors/" + actor + "/needs", NEED), HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminDoesEverything() {
        String admin = TestTokens.admin().sign();
        assertThat(json(http.get(admin, "/api/actors/" + actor + "/contact").getBody()).get("email").asText())
                .isEqualTo(CONTACT_EMAIL);
        assertThat(http.call(HttpMethod.DELETE, admin, "/api/actors/" + actor + "/needs/" + need, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get(admin, "/api/actors/" + actor + "/export").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.get(admin, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownActorIs404BeforeAnyRightIsChecked() {
        String otherMember = TestTokens.member().sign();
        assertThat(http.post(otherMember, "/api/actors/no-such-actor/needs", NEED).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.get(otherMember, "/api/actors/no-such-actor/contact").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertWritesNothing(java.util.function.Supplier<ResponseEntity<String>> call, HttpStatus expected) {
        long events = count("domainevententry");
        long members = count("actor_membership");
        long contacts = count("actor_contact");
        ResponseEntity<String> response = call.get();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(expected.value());
        assertThat(count("domainevententry")).as("events written").isEqualTo(events);
        assertThat(count("actor_membership")).as("memberships written").isEqualTo(members);
        assertThat(count("actor_contact")).as("contacts written").isEqualTo(contacts);
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}
