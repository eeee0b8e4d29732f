package fr.labos.partenariats.profile.access;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a request wrote for an actor, counted in profile-service's database: to show that a refusal wrote nothing. */
final class StoredRows {

    private StoredRows() {
    }

    static long eventsOf(JdbcTemplate jdbc, String actorId) {
        return count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", actorId);
    }

    static long membershipsOf(JdbcTemplate jdbc, String actorId) {
        return count(jdbc, "SELECT count(*) FROM actor_membership WHERE actor_id = ?", actorId);
    }

    private static long count(JdbcTemplate jdbc, String sql, String actorId) {
        Long count = jdbc.queryForObject(sql, Long.class, actorId);
        return count == null ? 0 : count;
    }
}
