package fr.labos.partenariats.matchmaking.matching;

/** The matching index is still loading from the projection (at start, or MongoDB unreachable): try again shortly. */
public class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException() {
        super("The matching index is loading from the projection; try again shortly.");
    }
}
