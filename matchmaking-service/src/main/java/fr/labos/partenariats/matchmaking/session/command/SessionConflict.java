package fr.labos.partenariats.matchmaking.session.command;

/** The session's current state forbids the command (closed, not published yet, round out of order...). */
public abstract class SessionConflict extends SessionRefused {

    protected SessionConflict(String template, String... actorIds) {
        super(template, actorIds);
    }
}
