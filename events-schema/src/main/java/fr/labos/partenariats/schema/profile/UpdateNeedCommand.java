package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the content of a need; only the actor that posted it may. */
public record UpdateNeedCommand(@TargetAggregateIdentifier String needId, String actorId, PostDetails details) {
}
