package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;

/**
 * Two actors whose introductions set their pair aside (one waits for its answers or is in progress, a partnership
 * formed, or a side declined as competitor or already partners): no new introduction of them is proposed, whoever
 * asks. The rankings leave such pairs out for the same reasons.
 */
class PairSetAside extends RuntimeException {

    private final String actorId;
    private final String partnerId;
    private final IntroducedPairs.SetAside why;

    PairSetAside(String actorId, String partnerId, IntroducedPairs.SetAside why) {
        super("The pair " + actorId + " / " + partnerId + " is set aside: " + why.reason() + " (introduction "
                + why.introductionId() + ")");
        this.actorId = actorId;
        this.partnerId = partnerId;
        this.why = why;
    }

    Object[] arguments() {
        return new Object[]{actorId, partnerId, why.reason().label(), why.introductionId(), why.reason().name()};
    }
}
