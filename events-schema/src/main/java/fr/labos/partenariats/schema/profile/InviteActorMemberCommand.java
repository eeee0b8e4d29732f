package fr.labos.partenariats.schema.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Invite a colleague to become the actor's member. The code's secret never reaches the command: only its digest.
 *
 * @param codeDigest SHA-256 of the code's secret part, lowercase hexadecimal
 */
public record InviteActorMemberCommand(@TargetAggregateIdentifier String actorId, String invitationId,
                                       String codeDigest, Instant expiresAt) {
}
