package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register an actor to the session. */
public record RegisterParticipantCommand(@TargetAggregateIdentifier String sessionId, String actorId,
                                         String organisation) {
}
