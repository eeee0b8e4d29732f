package fr.labos.partenariats.profile.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.labos.partenariats.platform.security.TestTokens;
import fr.labos.partenariats.profile.support.ProfileServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static fr.labos.partenariats.profile.access.ProfileHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The organisations' people read the lab's team by name ({@code GET /api/lab-team}): the facilitators and admins, each
 * as its own token names it when it opens the console or registers an organisation, in French alphabetical order;
 * no one else's name; none in any event; a name not seen for the configured time (180 days) left out then deleted, and
 * one whose person signs in with another role deleted at once; an admin deletes one at once, no one else.
 */
@ProfileServiceIntegrationTest
class LabTeamIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LabTeam team;
    @Autowired
    ObjectProvider<ScheduledTaskHolder> scheduling;

    ProfileHttp http;
    String suffix;

    @BeforeEach
    void client() {
        http = new ProfileHttp(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anyoneSignedInReadsTheFacilitatorsAndAdminsByNameInFrenchOrder() {
        TestTokens.Token zoe = TestTokens.facilitator("DEPARTEMENT:73").personalName("Zoé Vidal " + suffix);
        TestTokens.Token elise = TestTokens.admin().personalName("Élise Moreau " + suffix);
        TestTokens.Token julien = TestTokens.facilitator("DEPARTEMENT:38").personalName("Julien Roux " + suffix);
        TestTokens.Token member = TestTokens.member().personalName("Camille Martin " + suffix);
        TestTokens.Token viewer = TestTokens.viewer().personalName("Paul Girard " + suffix);
        for (TestTokens.Token signedIn : List.of(zoe, elise, member, viewer)) {
            visit(signedIn);
        }
        // Registering an organisation is the other moment a facilitator's name is taken.
        String registered = http.registerActor(julien.sign());

        for (TestTokens.Token reader : List.of(member, viewer, zoe, elise)) {
            assertThat(ours(reader)).as("read by " + reader.subject()).containsExactly(
                    "Élise Moreau " + suffix + " ADMIN " + elise.subject(),
                    "Julien Roux " + suffix + " FACILITATOR " + julien.subject(),
                    "Zoé Vidal " + suffix + " FACILITATOR " + zoe.subject());
        }
        assertThat(http.get(null, "/api/lab-team").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE convert_from(payload, 'UTF8') LIKE ? OR convert_from(metadata, 'UTF8') LIKE ?
                """, Integer.class, "%" + suffix + "%", "%" + suffix + "%")).as("names in the events of " + registered)
                .isZero();
    }

    @Test
    void aNameFollowsItsTokenAndATokenWithoutNameChangesNothing() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").personalName("Julien Roux " + suffix);
        visit(facilitator);
        visit(facilitator.personalName("Julien Roux-Bernard " + suffix));
        assertThat(keptNameOf(facilitator)).contains("Julien Roux-Bernard " + suffix);

        visit(facilitator.withoutName());
        assertThat(keptNameOf(facilitator)).contains("Julien Roux-Bernard " + suffix);
    }

    @Test
    void whoSignsInWithAnotherRoleIsOfTheTeamNoLonger() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").personalName("Sophie Bernard " + suffix);
        visit(facilitator);
        assertThat(keptNameOf(facilitator)).isPresent();

        TestTokens.Token nowAMember = TestTokens.member().subject(facilitator.subject()).personalName("Sophie Bernard " + suffix);
        visit(nowAMember);
        assertThat(keptNameOf(facilitator)).isEmpty();
        assertThat(ours(nowAMember)).isEmpty();
    }

    @Test
    void aNameNotSeenForTooLongIsLeftOutThenDeletedAndComesBackWithItsPerson() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").personalName("Hugo Lambert " + suffix);
        TestTokens.Token recent = TestTokens.facilitator("DEPARTEMENT:38").personalName("Inès Lefèvre " + suffix);
        visit(facilitator);
        visit(recent);
        seenAgo(facilitator, Duration.ofDays(181));
        seenAgo(recent, Duration.ofDays(179));

        assertThat(ours(recent)).as("the default: forgotten after 180 days without a visit")
                .containsExactly("Inès Lefèvre " + suffix + " FACILITATOR " + recent.subject());
        assertThat(team.forgetThoseNotSeen()).isPositive();
        assertThat(keptNameOf(facilitator)).isEmpty();
        assertThat(keptNameOf(recent)).isPresent();

        visit(facilitator);
        assertThat(keptNameOf(facilitator)).contains("Hugo Lambert " + suffix);
    }

    @Test
    void theServiceDeletesTheNamesNotSeenForTooLongEveryHour() {
        assertThat(scheduling.stream().flatMap(holder -> holder.getScheduledTasks().stream()).map(task -> task.getTask())
                .filter(task -> task.toString().endsWith("LabTeam.forgetThoseNotSeen")))
                .singleElement().isInstanceOfSatisfying(FixedDelayTask.class,
                        task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void aVisitIsRecordedAtMostOnceADay() {
        TestTokens.Token facilitator = TestTokens.facilitator("DEPARTEMENT:38").personalName("Léa Fabre " + suffix);
        visit(facilitator);
        Instant hoursAgo = seenAgo(facilitator, Duration.ofHours(3));
        visit(facilitator);
        assertThat(seenAt(facilitator)).as("seen a few hours ago: not written again").isEqualTo(hoursAgo);

        seenAgo(facilitator, Duration.ofDays(2));
        visit(facilitator);
        assertThat(seenAt(facilitator)).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }

    @Test
    void anAdminDeletesANameAtOnceOnRequestAndNoOneElseMay() {
        TestTokens.Token leaving = TestTokens.facilitator("DEPARTEMENT:38").personalName("Marc Dubois " + suffix);
        TestTokens.Token staying = TestTokens.facilitator("DEPARTEMENT:38").personalName("Nadia Haddad " + suffix);
        visit(leaving);
        visit(staying);
        String path = "/api/lab-team/" + leaving.subject();

        for (TestTokens.Token refused : List.of(leaving, staying, TestTokens.member(), TestTokens.viewer())) {
            var answer = http.call(HttpMethod.DELETE, refused.sign(), path, null);
            assertThat(answer.getStatusCode()).as(refused.subject()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(http.call(HttpMethod.DELETE, null, path, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(keptNameOf(leaving)).as("refused: nothing deleted").contains("Marc Dubois " + suffix);

        TestTokens.Token admin = TestTokens.admin();
        assertThat(http.call(HttpMethod.DELETE, admin.sign(), path, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(keptNameOf(leaving)).isEmpty();
        assertThat(ours(staying)).containsExactly("Nadia Haddad " + suffix + " FACILITATOR " + staying.subject());
        var again = http.call(HttpMethod.DELETE, admin.sign(), path, null);
        assertThat(again.getStatusCode()).as("no name kept any more: said, not taken for done")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(again.getBody()).path("detail").asText()).contains(leaving.subject());
    }

    /** The person opens the console ({@code GET /api/me/actors}): the visit at which the lab notes its team's names. */
    private void visit(TestTokens.Token person) {
        assertThat(http.get(person.sign(), "/api/me/actors").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The team as the reader gets it, limited to this test's people (other tests sign facilitators in too). */
    private List<String> ours(TestTokens.Token reader) {
        var response = http.get(reader.sign(), "/api/lab-team");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode team = json(response.getBody());
        return StreamSupport.stream(team.spliterator(), false)
                .filter(person -> person.get("name").asText().endsWith(suffix))
                .map(person -> person.get("name").asText() + " " + person.get("role").asText() + " " + person.get("subject").asText())
                .toList();
    }

    private Instant seenAgo(TestTokens.Token person, Duration ago) {
        Instant when = Instant.now().minus(ago).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(jdbc.update("UPDATE lab_team_name SET seen_at = ? WHERE subject = ?", Timestamp.from(when),
                person.subject())).isEqualTo(1);
        return when;
    }

    private Instant seenAt(TestTokens.Token person) {
        return jdbc.queryForObject("SELECT seen_at FROM lab_team_name WHERE subject = ?", Timestamp.class,
                person.subject()).toInstant();
    }

    private Optional<String> keptNameOf(TestTokens.Token person) {
        return jdbc.queryForList("SELECT display_name FROM lab_team_name WHERE subject = ?", String.class,
                person.subject()).stream().findFirst();
    }
}
