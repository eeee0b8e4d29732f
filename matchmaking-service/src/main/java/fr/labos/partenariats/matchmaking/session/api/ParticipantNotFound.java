package fr.labos.partenariats.matchmaking.session.api;

/** The actor is not (or no longer) a participant of the session: nothing of the session is about it. */
class ParticipantNotFound extends RuntimeException {

    private final String sessionId;
    private final String actorId;

    ParticipantNotFound(String sessionId, String actorId) {
        super("no participant " + actorId + " in session " + sessionId);
        this.sessionId = sessionId;
        this.actorId = actorId;
    }

    String sessionId() {
        return sessionId;
    }

    String actorId() {
        return actorId;
    }
}
