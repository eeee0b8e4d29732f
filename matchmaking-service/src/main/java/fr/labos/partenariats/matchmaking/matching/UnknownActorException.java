package fr.labos.partenariats.matchmaking.matching;

/** No actor of that id, nor any post of it, has reached the matching projection. */
public class UnknownActorException extends RuntimeException {

    private final String actorId;

    public UnknownActorException(String actorId) {
        super("No actor '" + actorId + "' in the matching projection");
        this.actorId = actorId;
    }

    public String actorId() {
        return actorId;
    }
}
