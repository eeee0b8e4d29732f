package fr.labos.partenariats.matchmaking.engine.model;

import java.util.Set;

/**
 * Pairs of actors the engine must not propose to each other, whatever their posts (for instance once a facilitator
 * has introduced them). Symmetric by contract: if B is excluded for A, A is excluded for B. Asked once per ranking,
 * never per candidate; must be thread-safe.
 */
@FunctionalInterface
public interface PairExclusions {

    /** No pair set aside. */
    PairExclusions NONE = actorId -> Set.of();

    /** The ids of the actors never to propose to this actor (may include actors the engine does not know). */
    Set<String> excludedPartnersOf(String actorId);
}
