package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check a registered participant in on the day. */
public record CheckInParticipantCommand(@TargetAggregateIdentifier String sessionId, String actorId) {
}
