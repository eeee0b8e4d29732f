package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a need was met. */
public record FulfilNeedCommand(@TargetAggregateIdentifier String needId, String actorId, String note) {
}
