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
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static fr.labos.partenariats.profile.access.ProfileHttp.invitationsOf;
import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static fr.labos.partenariats.profile.access.ProfileHttp.membersOf;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's people see each other by name in its list of members: each name comes from its own person's token
 * (when it registers or joins an organisation, and each time it opens the console), is kept only while that person is a
 * member of an organisation here, goes with its last membership, and never enters an event.
 */
@ProfileServiceIntegrationTest
class MemberNamesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ProfileHttp http;
    TestTokens.Token founder;
    TestTokens.Token colleague;
    String actor;

    @BeforeEach
    void aFounderRegisteredItsOrganisationAndAColleagueJoinedIt() {
        http = new ProfileHttp(port);
        founder = TestTokens.member().subject("u-founder-" + UUID.randomUUID()).personalName("Hélène Garnier");
        colleague = TestTokens.member().subject("u-colleague-" + UUID.randomUUID()).personalName("Karim Benali");
        actor = http.registerActor(founder.sign());
        String code = json(http.post(founder.sign(), invitationsOf(actor), null).getBody()).get("code").asText();
        http.joinWithCode(colleague.sign(), code);
    }

    @Test
    void theMembersListNamesEachMemberAsItsOwnTokenDoes() {
        assertThat(namesIn(actor, founder)).containsExactly(
                Map.entry(founder.subject(), "Hélène Garnier"), Map.entry(colleague.subject(), "Karim Benali"));
        // A facilitator of the actor's territory and an admin manage its members: they see the same names.
        assertThat(namesIn(actor, TestTokens.facilitator("DEPARTEMENT:38")).values())
                .containsExactly("Hélène Garnier", "Karim Benali");
        assertThat(namesIn(actor, TestTokens.admin()).values()).containsExactly("Hélène Garnier", "Karim Benali");
    }

    @Test
    void aNameChangedAtTheProviderIsTheOneShownOnceItsPersonOpensTheConsole() {
        TestTokens.Token renamed = colleague.personalName("Karim Benali-Roux");
        assertThat(http.get(renamed.sign(), "/api/me/actors").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(namesIn(actor, founder)).containsEntry(colleague.subject(), "Karim Benali-Roux")
                .containsEntry(founder.subject(), "Hélène Garnier");
        // A token without a name changes nothing: some providers leave it out of some tokens.
        http.get(colleague.withoutName().sign(), "/api/me/actors");
        assertThat(namesIn(actor, founder)).containsEntry(colleague.subject(), "Karim Benali-Roux");
    }

    @Test
    void aMemberWhoseTokenNeverHadANameIsListedWithoutOne() {
        TestTokens.Token nameless = TestTokens.member().subject("u-nameless-" + UUID.randomUUID()).withoutName();
        String code = json(http.post(founder.sign(), invitationsOf(actor), null).getBody()).get("code").asText();
        http.joinWithCode(nameless.sign(), code);

        JsonNode members = json(http.get(founder.sign(), membersOf(actor)).getBody());
        JsonNode listed = StreamSupport.stream(members.spliterator(), false)
                .filter(member -> member.get("subject").asText().equals(nameless.subject())).findFirst().orElseThrow();
        assertThat(listed.has("name")).as("no name: the console shows the subject").isFalse();
    }

    @Test
    void onlyMembersNamesAreKeptAndNoneEntersAnEvent() {
        // Signed in, opening the console, member of nothing here: its name is not kept.
        TestTokens.Token passerBy = TestTokens.member().personalName("Paul Girard");
        http.get(passerBy.sign(), "/api/me/actors");
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").personalName("Julien Roux");
        http.get(facilitator.sign(), "/api/me/actors");
        http.registerActor(facilitator.sign());

        assertThat(keptNameOf(passerBy)).isEmpty();
        assertThat(keptNameOf(facilitator)).as("registering an actor does not make a facilitator its member").isEmpty();
        assertThat(keptNameOf(founder)).contains("Hélène Garnier");
        assertThat(keptNameOf(colleague)).contains("Karim Benali");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE convert_from(payload, 'UTF8') LIKE '%Garnier%' OR convert_from(metadata, 'UTF8') LIKE '%Garnier%'
                   OR convert_from(payload, 'UTF8') LIKE '%Benali%' OR convert_from(metadata, 'UTF8') LIKE '%Benali%'
                """, Integer.class)).isZero();
    }

    @Test
    void theNameGoesWithTheLastMembership() {
        String another = http.registerActor(colleague.sign());

        assertThat(http.call(HttpMethod.DELETE, founder.sign(), membersOf(actor) + "/" + colleague.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(keptNameOf(colleague)).as("still a member of the organisation it registered").contains("Karim Benali");
        assertThat(namesIn(another, colleague)).containsExactly(Map.entry(colleague.subject(), "Karim Benali"));

        assertThat(http.call(HttpMethod.DELETE, colleague.sign(), membersOf(another) + "/" + colleague.subject(), null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(keptNameOf(colleague)).isEmpty();
        assertThat(keptNameOf(founder)).contains("Hélène Garnier");
        // Back with a token: member of nothing, its name is not written again.
        http.get(colleague.sign(), "/api/me/actors");
        assertThat(keptNameOf(colleague)).isEmpty();
    }

    private Map<String, String> namesIn(String actorId, TestTokens.Token reader) {
        var response = http.get(reader.sign(), membersOf(actorId));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(json(response.getBody()).spliterator(), false)
                .collect(toMap(member -> member.get("subject").asText(), member -> member.path("name").asText(null),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private Optional<String> keptNameOf(TestTokens.Token person) {
        return jdbc.queryForList("SELECT display_name FROM member_name WHERE member_subject = ?", String.class,
                person.subject()).stream().findFirst();
    }
}
