package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the contact person of an actor, on their request. */
public record EraseActorContactCommand(@TargetAggregateIdentifier String actorId) {
}
