package fr.labos.partenariats.matchmaking.session.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.labos.partenariats.matchmaking.session.command.SpeedMeetingSession;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A session as its events in the event store tell it now. Folding them costs in proportion to the session's history
 * (each registration, wish, check-in, meeting held and plan of the grid: a few hundred events for a session that
 * ran), and the list of sessions folds every session a facilitator runs, year after year. So a session once folded is
 * kept with the sequence number of its last event, and folded again only when the store holds a later one: each read
 * still asks the store (one indexed query, or one for the whole list), so every instance answers from the session as
 * it stands, whichever instance wrote it.
 *
 * <p>A {@link SessionState} handed out is never changed afterwards (its getters return copies), so requests can share it.
 */
@Component
class SessionReader {

    /** The aggregate type Axon records for a session's events: its class's simple name. */
    private static final String SESSION = SpeedMeetingSession.class.getSimpleName();

    private final EventStore events;
    private final Cache<String, Folded> folded;

    SessionReader(EventStore events, @Value("${matchmaking.sessions.folded-kept:200}") int kept) {
        this.events = events;
        this.folded = Caffeine.newBuilder().maximumSize(kept).build();
    }

    /** The session, or a 404. */
    SessionState read(String sessionId) {
        return read(sessionId, events.lastSequenceNumberFor(sessionId).orElse(null));
    }

    /**
     * The session, knowing the sequence number of its last event in the store (null: none, a 404); folded again only
     * if the copy kept is older.
     */
    SessionState read(String sessionId, Long lastSequence) {
        if (lastSequence == null) {
            throw new SessionNotFound(sessionId);
        }
        Folded kept = folded.getIfPresent(sessionId);
        if (kept != null && kept.lastSequence() >= lastSequence) {
            return kept.state();
        }
        SessionState state = new SessionState();
        long last = -1;
        DomainEventStream stream = events.readEvents(sessionId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!SESSION.equals(message.getType())) {
                // Another aggregate's id (an introduction's, say): not a session, and not worth reading further.
                throw new SessionNotFound(sessionId);
            }
            state.apply(message.getPayload());
            last = message.getSequenceNumber();
        }
        if (!state.planned()) {
            throw new SessionNotFound(sessionId);
        }
        // The events read may go past lastSequence (appended meanwhile): the copy is kept with what it holds.
        folded.asMap().merge(sessionId, new Folded(last, state),
                (older, newer) -> older.lastSequence() >= newer.lastSequence() ? older : newer);
        return state;
    }

    private record Folded(long lastSequence, SessionState state) {
    }
}
