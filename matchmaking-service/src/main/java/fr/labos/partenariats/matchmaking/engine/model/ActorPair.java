package fr.labos.partenariats.matchmaking.engine.model;

/**
 * Two actors as a pair, whichever of them is named first: introducing A to B is introducing B to A, so whatever is
 * keyed by a pair (the row that claims it, the ids derived from it, a session's meetings and weights in memory) names
 * the two in the order of their ids and finds the same key from either side. That order is stored (in rows and in
 * name-based ids), so it must never change. It lives with the engine's model because introductions and speed-meeting
 * sessions both key by it.
 */
public record ActorPair(String first, String second) {

    public ActorPair {
        if (first.compareTo(second) > 0) {
            throw new IllegalArgumentException("a pair names its actors in the order of their ids: use ActorPair.of");
        }
    }

    /** The pair of these two actors, the same whichever is given first. */
    public static ActorPair of(String oneActorId, String otherActorId) {
        return oneActorId.compareTo(otherActorId) <= 0
                ? new ActorPair(oneActorId, otherActorId)
                : new ActorPair(otherActorId, oneActorId);
    }
}
