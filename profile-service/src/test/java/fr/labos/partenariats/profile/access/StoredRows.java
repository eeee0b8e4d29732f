package fr.labos.partenariats.profile.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What a request wrote for an actor, counted in profile-service's database: to show that a refusal wrote nothing. */
final class StoredRows {

    private StoredRows() {
    }

    /** Sends the request, checks it is refused with that status as a problem, and that the actor's rows did not move. */
    static ResponseEntity<String> assertRefusedWritingNothing(JdbcTemplate jdbc, String actorId, HttpStatus expected,
                                                              Supplier<ResponseEntity<String>> request) {
        long events = eventsOf(jdbc, actorId);
        List<String> memberships = membershipsOf(jdbc, actorId);
        ResponseEntity<String> response = request.get();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventsOf(jdbc, actorId)).as("events written").isEqualTo(events);
        assertThat(membershipsOf(jdbc, actorId)).as("memberships changed").isEqualTo(memberships);
        return response;
    }

    static long eventsOf(JdbcTemplate jdbc, String actorId) {
        return count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", actorId);
    }

    /** The actor's members granted here, each with its role. */
    static List<String> membershipsOf(JdbcTemplate jdbc, String actorId) {
        return jdbc.queryForList("SELECT member_subject || ' ' || role FROM actor_membership WHERE actor_id = ?"
                + " ORDER BY member_subject", String.class, actorId);
    }

    private static long count(JdbcTemplate jdbc, String sql, String actorId) {
        Long count = jdbc.queryForObject(sql, Long.class, actorId);
        return count == null ? 0 : count;
    }
}
