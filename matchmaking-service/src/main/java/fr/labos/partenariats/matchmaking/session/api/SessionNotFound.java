package fr.labos.partenariats.matchmaking.session.api;

/** No session has this id. */
class SessionNotFound extends RuntimeException {

    private final String sessionId;

    SessionNotFound(String sessionId) {
        super("no session " + sessionId);
        this.sessionId = sessionId;
    }

    String sessionId() {
        return sessionId;
    }
}
