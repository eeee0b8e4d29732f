package fr.labos.partenariats.matchmaking.session.command;

/**
 * A command the session's rules refuse; the message is French, fit to show to the facilitator. Nothing was written.
 * The subclasses say how to report it: a conflict with the session's state, or invalid input.
 */
public abstract class SessionRefused extends RuntimeException {

    protected SessionRefused(String message) {
        super(message);
    }
}
