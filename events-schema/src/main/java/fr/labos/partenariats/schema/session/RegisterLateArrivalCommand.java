package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a participant who arrives once the session has started. */
public record RegisterLateArrivalCommand(@TargetAggregateIdentifier String sessionId, String actorId) {
}
