package fr.labos.partenariats.matchmaking.introduction.command;

import java.util.Optional;

/**
 * The pairs of actors that have an introduction in progress, kept in the transaction that appends the introduction's
 * events: a proposal claims its pair, and holds it while it waits for its answers and, once both sides accepted, until
 * an outcome closes it (as the matcher's exclusions tell an introduction in progress); a decline, a withdrawal, the
 * expiry or a closing outcome releases it. The matcher's rankings already leave such pairs out, but they learn of an
 * introduction from Kafka, a moment after it was written (or hours after, while the broker is out of reach): this
 * claim is what refuses a second proposal sent meanwhile (a double click, two facilitators at once, two instances, a
 * pair accepted a moment ago).
 */
public interface OpenPairs {

    /**
     * Claims the pair for this introduction.
     *
     * @throws PairAlreadyInIntroduction if another introduction of the same two actors (in either order) is in
     *                                   progress
     */
    void claim(String introductionId, String actorId, String partnerActorId);

    /**
     * Claims the pair for this introduction unless another one holds it, for an introduction that is recorded whatever
     * else is in progress (a meeting held at a speed-meeting session, one imported from the lab's records accepted
     * long ago, an outcome that carries one on again).
     *
     * @return whether this introduction holds the pair now
     */
    boolean claimIfFree(String introductionId, String actorId, String partnerActorId);

    /** The introduction of these two actors (in either order) that holds their pair, if one does. */
    Optional<String> claimedBy(String actorId, String partnerActorId);

    /** Releases the pair this introduction claimed, if it claimed one. */
    void release(String introductionId);
}
