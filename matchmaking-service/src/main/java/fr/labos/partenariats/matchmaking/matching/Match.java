package fr.labos.partenariats.matchmaking.matching;

/**
 * A need and an offer proposed together, with the score, its components and a French sentence that explains it.
 *
 * @param needActor  actor of the need; {@link Actor#name()} null if its profile has not arrived
 * @param offerActor actor of the offer; same
 */
public record Match(Post need, Actor needActor, Post offer, Actor offerActor, double score, Components components,
                    String modelVersion, String sentence) {
}
