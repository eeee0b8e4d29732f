package fr.labos.partenariats.schema.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Become the actor's member with an invitation's code; who joins is the principal in the command's metadata.
 *
 * @param codeDigest SHA-256 of the secret part of the code given, lowercase hexadecimal
 */
public record JoinActorByInvitationCommand(@TargetAggregateIdentifier String actorId, String invitationId,
                                           String codeDigest) {
}
