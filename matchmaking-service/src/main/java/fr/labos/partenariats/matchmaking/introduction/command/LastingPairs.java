package fr.labos.partenariats.matchmaking.introduction.command;

import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pairs of actors set aside for as long as the reason lasts — declined as competitor or already partners, or
 * partners through an introduction — written by the introduction in the transaction of the step that sets its pair
 * aside or frees it. What the matcher reads from the events in memory ({@link IntroducedPairs}), kept where a proposal
 * from the matcher or an actor's request can be checked against it even when those events have not reached the
 * instance yet.
 */
public interface LastingPairs {

    /** This introduction sets its pair aside, for this reason (one of the lasting ones), replacing what it said before. */
    void setAside(String introductionId, String actorId, String partnerActorId, ExclusionReason reason);

    /** This introduction no longer sets its pair aside (a partnership it formed ended). */
    void clear(String introductionId);

    /** Why these two actors (in either order) are set aside, the most lasting reason first; empty if they are not. */
    Optional<IntroducedPairs.SetAside> between(String actorId, String partnerActorId);

    /** For each of these actors that has any, the actors set aside with it, whatever the reason; read at once. */
    Map<String, Set<String>> partnersSetAsideOf(Collection<String> actorIds);
}
