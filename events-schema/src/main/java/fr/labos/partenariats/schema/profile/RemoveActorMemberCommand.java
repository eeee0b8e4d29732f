package fr.labos.partenariats.schema.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a membership granted by profile-service away from a subject (a member leaving, or being removed). */
public record RemoveActorMemberCommand(@TargetAggregateIdentifier String actorId, String memberSubject) {
}
