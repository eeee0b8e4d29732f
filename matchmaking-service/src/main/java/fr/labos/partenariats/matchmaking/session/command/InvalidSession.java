package fr.labos.partenariats.matchmaking.session.command;

/** A command whose content is invalid whatever the session's state; names the offending field. */
public class InvalidSession extends SessionRefused {

    private final String field;

    public InvalidSession(String field, String message, String... actorIds) {
        super(message, actorIds);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
