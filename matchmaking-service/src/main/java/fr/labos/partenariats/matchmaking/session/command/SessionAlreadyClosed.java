package fr.labos.partenariats.matchmaking.session.command;

/** A closed session changes no more. */
public class SessionAlreadyClosed extends SessionConflict {

    public SessionAlreadyClosed(String sessionId) {
        super("la session " + sessionId + " est close");
    }
}
