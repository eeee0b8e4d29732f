package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that two actors who already have an introduction in progress (proposed, or accepted and not closed by an
 * outcome) met at a speed-meeting session: the meeting carries that introduction on instead of opening a second one.
 * Sitting together counts as both sides' acceptance, so a side that had not accepted yet accepts; the session's round
 * is then a meeting held of that introduction. Handled again for the same round, it changes nothing.
 *
 * @param round  the session's round in which they met (its meeting id names the session and the round)
 * @param heldAt when the round started
 * @param place  where the session took place, with the table
 * @param note   says which session, round and table
 */
public record JoinIntroductionAfterSpeedMeetingCommand(@TargetAggregateIdentifier String introductionId,
                                                       String sessionId, int round, String actorId,
                                                       String partnerActorId, Instant heldAt, String place,
                                                       String note) {
}
