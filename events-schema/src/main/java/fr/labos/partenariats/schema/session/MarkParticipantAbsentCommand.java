package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a registered participant absent. */
public record MarkParticipantAbsentCommand(@TargetAggregateIdentifier String sessionId, String actorId) {
}
