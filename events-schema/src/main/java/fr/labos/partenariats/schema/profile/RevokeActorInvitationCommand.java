package fr.labos.partenariats.schema.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an invitation not yet used. */
public record RevokeActorInvitationCommand(@TargetAggregateIdentifier String actorId, String invitationId) {
}
