package fr.labos.partenariats.matchmaking.engine.model;

/**
 * A need and an offer proposed together, with the score, its components and a French sentence that explains it.
 *
 * @param needActor  actor of the need as it stood when the result was made; {@link Actor#name()} null if unknown yet
 * @param offerActor actor of the offer; same
 * @param reciprocal the pair that makes the alliance reciprocal (a need of the offering actor that an offer of the
 *                   needing actor answers), or null
 */
public record Match(PostFeatures need, Actor needActor, PostFeatures offer, Actor offerActor, double score,
                    Components components, String modelVersion, String sentence, Reciprocal reciprocal) {

    /** A need of the offering actor and an offer of the needing actor that would make a pair the other way round. */
    public record Reciprocal(PostFeatures need, PostFeatures offer) {
    }
}
