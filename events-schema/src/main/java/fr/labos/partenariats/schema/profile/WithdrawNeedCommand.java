package fr.labos.partenariats.schema.profile;


import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a need; only the actor that posted it may. */
public record WithdrawNeedCommand(@TargetAggregateIdentifier String needId, String actorId, String reason) {
}
