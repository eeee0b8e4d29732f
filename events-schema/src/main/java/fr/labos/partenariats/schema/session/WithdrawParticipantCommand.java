package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a registered actor before the schedule is published. */
public record WithdrawParticipantCommand(@TargetAggregateIdentifier String sessionId, String actorId) {
}
