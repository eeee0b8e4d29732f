package fr.labos.partenariats.matchmaking.engine.index;

import fr.labos.partenariats.matchmaking.engine.model.Actor;
import fr.labos.partenariats.matchmaking.engine.model.Match;

import java.util.List;

/**
 * Another actor proposed to an actor, with the need/offer pairs behind the proposal.
 *
 * @param actor         the partner's public profile (name and type null while unknown)
 * @param score         {@code 1 - (1 - bestTheyOffer) × (1 - bestTheyNeed)}, in [0, 1] (see {@link PartnerRanking})
 * @param bestTheyOffer best score of a pair where the partner offers what the actor needs; 0 if none
 * @param bestTheyNeed  best score of a pair where the partner needs what the actor offers; 0 if none
 * @param reciprocal    pairs exist in both directions
 * @param pairCount     how many pairs there are in all
 * @param pairs         the best pairs, best first, each explained (at most the number asked for)
 * @param sentence      the proposal in one French sentence
 */
public record Partner(Actor actor, double score, double bestTheyOffer, double bestTheyNeed, boolean reciprocal,
                      int pairCount, List<Match> pairs, String sentence) {
}
