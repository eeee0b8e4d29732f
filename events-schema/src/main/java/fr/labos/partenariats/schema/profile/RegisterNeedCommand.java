package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Post a new need for an actor. */
public record RegisterNeedCommand(@TargetAggregateIdentifier String needId, String actorId, PostDetails details) {
}
