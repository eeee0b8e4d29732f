package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A session as its events in the event store tell it now (read on each request: sessions are small). */
@Component
class SessionReader {

    private final EventStore events;

    SessionReader(EventStore events) {
        this.events = events;
    }

    /** The session, or a 404. */
    SessionState read(String sessionId) {
        SessionState state = new SessionState();
        events.readEvents(sessionId).asStream().forEach(message -> state.apply(message.getPayload()));
        if (!state.planned()) throw new SessionNotFound(sessionId);
        return state;
    }
}
