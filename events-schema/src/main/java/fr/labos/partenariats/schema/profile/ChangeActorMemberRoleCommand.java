package fr.labos.partenariats.schema.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Name a member manager of its organisation, or make a manager a member only. */
public record ChangeActorMemberRoleCommand(@TargetAggregateIdentifier String actorId, String memberSubject,
                                           MemberRole role) {
}
