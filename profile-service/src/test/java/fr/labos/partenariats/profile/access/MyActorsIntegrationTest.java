package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/me/actors}: the organisations the caller is a member of, those it registered here and those its token
 * lists, and no other; a browser application opens "my organisation" from it without deciding membership itself.
 */
@ProfileServiceIntegrationTest
class MyActorsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aMemberFindsTheActorsItRegisteredAndThoseItsTokenListsOnly() {
        ProfileHttp http = new ProfileHttp(port);
        String registrant = TestTokens.member().subject("u-registrant-" + UUID.randomUUID()).sign();
        String mine = http.registerActor(registrant);
        String someoneElses = http.registerActor(TestTokens.member().subject("u-other-" + UUID.randomUUID()).sign());

        ResponseEntity<String> answer = http.get(registrant, "/api/me/actors");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(answer.getBody()).findValuesAsText("id")).containsExactly(mine);
        assertThat(answer.getBody()).doesNotContain("@"); // public profiles: never a contact person

        String listed = TestTokens.member(someoneElses).subject("u-listed-" + UUID.randomUUID()).sign();
        assertThat(json(http.get(listed, "/api/me/actors").getBody()).findValuesAsText("id")).containsExactly(someoneElses);
        assertThat(json(http.get(TestTokens.viewer().sign(), "/api/me/actors").getBody())).isEmpty();
        assertThat(json(http.get(TestTokens.viewer().actors(someoneElses).sign(), "/api/me/actors").getBody()))
                .as("a viewer whose token names an actor acts for none").isEmpty();
        assertThat(http.get(null, "/api/me/actors").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
