package fr.labos.partenariats.matchmaking.session.schedule;

/**
 * How useful a meeting of two actors is: the matching engine's actor-to-actor complementarity, both directions, plus
 * the configured bonus of a wish (see {@code session.pairs.SessionPairs}). Weights are zero or more; whatever the
 * bonuses, the scheduler also ranks wishes above weight by itself.
 */
public interface PairWeights {

    double weight(String actorId, String partnerActorId);

    /** The sentence a facilitator reads next to a meeting put together for its complementarity. */
    default String explanation(String actorId, String partnerActorId) {
        return "Complémentarité de leurs besoins et offres.";
    }
}
