package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record that two actors met at a speed-meeting session: an introduction with source
 * {@link IntroductionSource#SPEED_MEETING}, accepted by both sides (they chose to come and sat together), whose
 * meeting, the session's round, is held; from then on its outcome is followed like any other introduction's.
 *
 * @param round  the session's round in which they met (its meeting id names the session and the round)
 * @param heldAt when the round started
 * @param place  where the session took place, with the table
 * @param match  the pair's complementarity when it was scheduled; null when none
 */
public record IntroduceAfterSpeedMeetingCommand(@TargetAggregateIdentifier String introductionId, String sessionId,
                                                int round, String actorId, String partnerActorId, Instant heldAt,
                                                String place, MatchSnapshot match, Proposer proposedBy, String note) {
}
