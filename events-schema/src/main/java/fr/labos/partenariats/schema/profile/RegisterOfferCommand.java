package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Post a new offer for an actor. */
public record RegisterOfferCommand(@TargetAggregateIdentifier String offerId, String actorId, PostDetails details) {
}
