package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the content of a offer; only the actor that posted it may. */
public record UpdateOfferCommand(@TargetAggregateIdentifier String offerId, String actorId, PostDetails details) {
}
