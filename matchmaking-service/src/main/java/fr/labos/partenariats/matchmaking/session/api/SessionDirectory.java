package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every session planned, oldest first, with the sequence number of its last event, read from this service's event
 * store (its {@code domainevententry} table, which Flyway owns here) in one query: each session is then read by
 * {@link SessionReader}, which folds again only those that changed, so no read model of their own is kept.
 */
@Component
class SessionDirectory {

    private final JdbcTemplate jdbc;

    SessionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A session and the sequence number of its last event. */
    record PlannedSession(String sessionId, long lastSequence) {
    }

    /**
     * The payload type as a literal, not a parameter: the partial index of migration V11 covers exactly these rows,
     * and PostgreSQL only uses it when the query's predicate is known to match it (a generic plan would not).
     */
    static final String PLANNED_SESSIONS = "SELECT planned.aggregateidentifier, "
            // The last sequence number by the (aggregateidentifier, sequencenumber) unique index of Axon's table.
            + "(SELECT max(e.sequencenumber) FROM domainevententry e "
            + "WHERE e.aggregateidentifier = planned.aggregateidentifier) AS lastsequence "
            + "FROM domainevententry planned WHERE planned.payloadtype = '" + SessionPlannedEvent.class.getName()
            + "' ORDER BY planned.globalindex";

    List<PlannedSession> plannedSessions() {
        return jdbc.query(PLANNED_SESSIONS, (row, n) -> new PlannedSession(row.getString(1), row.getLong(2)));
    }
}
