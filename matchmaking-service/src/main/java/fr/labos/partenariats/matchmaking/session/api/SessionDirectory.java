package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The ids of every session planned, oldest first, read from this service's event store (its {@code domainevententry}
 * table, which Flyway owns here): sessions are few and each is read by folding its events, so no read model of
 * their own is kept.
 */
@Component
class SessionDirectory {

    private final JdbcTemplate jdbc;

    SessionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> plannedSessionIds() {
        return jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry WHERE payloadtype = ? "
                + "ORDER BY globalindex", String.class, SessionPlannedEvent.class.getName());
    }
}
