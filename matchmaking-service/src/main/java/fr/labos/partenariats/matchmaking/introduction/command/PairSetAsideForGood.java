package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;

/**
 * A proposal of the matcher, or an actor's request, for two actors an introduction set aside for as long as its reason
 * lasts (declined as competitor or already partners, partners): never proposed again that way. Nothing is written.
 */
public class PairSetAsideForGood extends IntroductionConflict {

    public PairSetAsideForGood(String actorId, String partnerActorId, IntroducedPairs.SetAside why) {
        super("les acteurs " + actorId + " et " + partnerActorId + " ne se voient pas proposer de nouvelle mise en "
                        + "relation : " + why.reason().label() + " (mise en relation " + why.introductionId() + ")",
                actorId, partnerActorId, why.reason().label(), why.introductionId(), why.reason().name());
    }
}
