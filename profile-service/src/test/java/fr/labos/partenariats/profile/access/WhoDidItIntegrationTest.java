package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import fr.labos.partenariats.schema.PrincipalMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static fr.labos.partenariats.profile.access.ProfileHttp.ACTOR_IN_GRENOBLE;
import static fr.labos.partenariats.profile.access.ProfileHttp.CONTACT_EMAIL;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who did what, as PostgreSQL keeps it: the principal in every event's metadata (never a name or an e-mail),
 * memberships, audited erasures, and the GDPR export that gathers it all.
 */
@ProfileServiceIntegrationTest
class WhoDidItIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ProfileHttp http;

    @BeforeEach
    void setUp() {
        http = new ProfileHttp(port);
    }

    record StoredEvent(String type, JsonNode metadata, String rawMetadata) {
    }

    @Test
    void everyEventStoredHoldsTheSubjectRoleAndActorActedForButNoNameOrEmail() {
        TestTokens.Token member = TestTokens.member();
        String actor = http.registerActor(member.sign());
        String need = http.postNeed(member.sign(), actor);
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38");
        assertThat(http.call(HttpMethod.DELETE, facilitator.sign(), "/api/actors/" + actor + "/needs/" + need, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<StoredEvent> actorEvents = stored(actor);
        assertThat(actorEvents).extracting(StoredEvent::type)
                .containsExactly("ActorRegisteredEvent", "ActorMemberJoinedEvent");
        List<StoredEvent> needEvents = stored(need);
        assertThat(needEvents).extracting(StoredEvent::type).containsExactly("NeedRegisteredEvent", "NeedWithdrawnEvent");

        for (StoredEvent event : List.of(actorEvents.get(0), actorEvents.get(1), needEvents.get(0))) {
            assertThat(event.metadata().get(PrincipalMetadata.SUBJECT).asText()).as(event.type()).isEqualTo(member.subject());
            assertThat(event.metadata().get(PrincipalMetadata.ROLE).asText()).isEqualTo("ACTOR_MEMBER");
            assertThat(event.metadata().get(PrincipalMetadata.ACTING_FOR).asText()).isEqualTo(actor);
        }
        StoredEvent withdrawn = needEvents.get(1);
        assertThat(withdrawn.metadata().get(PrincipalMetadata.SUBJECT).asText()).isEqualTo(facilitator.subject());
        assertThat(withdrawn.metadata().get(PrincipalMetadata.ROLE).asText()).isEqualTo("FACILITATOR");
        assertThat(withdrawn.metadata().get(PrincipalMetadata.ACTING_FOR).asText()).isEqualTo(actor);

        for (StoredEvent event : Stream.concat(actorEvents.stream(), needEvents.stream()).toList()) {
            assertThat(event.rawMetadata()).as(event.type())
                    .doesNotContain(member.personalEmail()).doesNotContain(member.personalName())
                    .doesNotContain(facilitator.personalEmail()).doesNotContain(facilitator.personalName())
                    .doesNotContain(CONTACT_EMAIL);
        }
        // Axon's own correlation is still there alongside.
        assertThat(needEvents.get(0).metadata().has("correlationId")).isTrue();
    }

    @Test
    void theRegistrantsMembershipIsKeptByItsPseudonymousSubject() {
        TestTokens.Token member = TestTokens.member();
        String actor = http.registerActor(member.sign());
        assertThat(jdbc.queryForList("SELECT member_subject FROM actor_membership WHERE actor_id = ?", String.class, actor))
                .containsExactly(member.subject());
    }

    @Test
    void aContactReAddedAfterAnErasureAndErasedAgainIsAuditedTwice() {
        String member = TestTokens.member().sign();
        String actor = http.registerActor(member);
        String contactUri = "/api/actors/" + actor + "/contact";

        assertThat(http.call(HttpMethod.DELETE, member, contactUri, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.call(HttpMethod.PUT, member, "/api/actors/" + actor, ACTOR_IN_GRENOBLE).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(http.get(member, contactUri).getBody()).get("email").asText()).isEqualTo(CONTACT_EMAIL);
        assertThat(http.call(HttpMethod.DELETE, member, contactUri, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // Erasing what is no longer there succeeds and records nothing more.
        assertThat(http.call(HttpMethod.DELETE, member, contactUri, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(http.get(member, contactUri).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List<StoredEvent> erasures = stored(actor).stream()
                .filter(event -> event.type().equals("ActorContactErasedEvent")).toList();
        assertThat(erasures).hasSize(2);
        assertThat(erasures).allSatisfy(erasure ->
                assertThat(erasure.metadata().get(PrincipalMetadata.ROLE).asText()).isEqualTo("ACTOR_MEMBER"));
    }

    @Test
    void theExportHoldsEverythingAboutTheActorIncludingClosedPostsAndItsHistory() {
        TestTokens.Token member = TestTokens.member();
        String actor = http.registerActor(member.sign());
        String open = http.postNeed(member.sign(), actor);
        String closed = http.postNeed(member.sign(), actor);
        http.call(HttpMethod.DELETE, TestTokens.admin().sign(), "/api/actors/" + actor + "/needs/" + closed + "?reason=abandon", null);

        ResponseEntity<String> response = http.get(member.sign(), "/api/actors/" + actor + "/export");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        JsonNode export = json(response.getBody());
        assertThat(export.at("/profile/name").asText()).isEqualTo("Wimoov Isère");
        assertThat(export.at("/contact/email").asText()).isEqualTo(CONTACT_EMAIL);
        assertThat(export.get("needs").findValuesAsText("id")).containsExactly(open, closed);
        assertThat(export.get("needs").findValuesAsText("status")).containsExactly("OPEN", "WITHDRAWN");
        assertThat(export.get("members").findValuesAsText("subject")).containsExactly(member.subject());
        JsonNode history = export.get("history");
        assertThat(field(history, "type")).containsExactly("ActorRegisteredEvent", "ActorMemberJoinedEvent",
                "NeedRegisteredEvent", "NeedRegisteredEvent", "NeedWithdrawnEvent");
        assertThat(field(history, "principalRole"))
                .containsExactly("ACTOR_MEMBER", "ACTOR_MEMBER", "ACTOR_MEMBER", "ACTOR_MEMBER", "ADMIN");
        assertThat(history.get(4).at("/event/reason").asText()).isEqualTo("abandon");
        assertThat(field(history, "occurredAt")).allSatisfy(at -> assertThat(at).isNotBlank());
        assertThat(response.getBody()).doesNotContain(member.personalEmail());

        assertThat(http.get(TestTokens.admin().sign(), "/api/actors/" + actor + "/export").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.get(TestTokens.facilitator("DEPARTEMENT:38").sign(), "/api/actors/" + actor + "/export")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get(TestTokens.member().sign(), "/api/actors/no-such-actor/export").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<StoredEvent> stored(String aggregateId) {
        return jdbc.query("""
                        SELECT payloadtype, convert_from(metadata, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? ORDER BY sequencenumber
                        """,
                (rs, row) -> new StoredEvent(simpleName(rs.getString(1)), json(rs.getString(2)), rs.getString(2)),
                aggregateId);
    }

    /** That field of each element of an array (not of nested objects: an actor's payload has a "type" too). */
    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(element -> element.path(name).asText()).toList();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
