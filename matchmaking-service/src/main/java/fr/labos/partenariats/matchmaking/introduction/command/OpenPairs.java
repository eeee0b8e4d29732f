package fr.labos.partenariats.matchmaking.introduction.command;

import java.util.Optional;

/**
 * The pairs of actors that have an introduction waiting for its answers, kept in the transaction that appends the
 * introduction's events: a proposal claims its pair, the end of its answer period (both sides accepted, a decline, a
 * withdrawal, the expiry) releases it. The matcher's rankings already leave such pairs out, but they learn of an
 * introduction from Kafka, a moment after it was written; this claim is what refuses a second proposal sent in that
 * moment (a double click, two facilitators at once, two instances).
 */
public interface OpenPairs {

    /**
     * Claims the pair for this introduction.
     *
     * @throws PairAlreadyInIntroduction if another introduction of the same two actors (in either order) waits for
     *                                   its answers
     */
    void claim(String introductionId, String actorId, String partnerActorId);

    /** The introduction of these two actors (in either order) that waits for its answers, if one does. */
    Optional<String> waitingIn(String actorId, String partnerActorId);

    /** Releases the pair this introduction claimed, if it claimed one. */
    void release(String introductionId);
}
