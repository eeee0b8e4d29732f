package fr.labos.partenariats.matchmaking.session.command;

/** A closed session changes no more. */
public class SessionAlreadyClosed extends SessionConflict {

    public SessionAlreadyClosed() {
        super("la session est close");
    }
}
