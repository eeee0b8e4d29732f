package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a offer; only the actor that posted it may. */
public record WithdrawOfferCommand(@TargetAggregateIdentifier String offerId, String actorId, String reason) {
}
