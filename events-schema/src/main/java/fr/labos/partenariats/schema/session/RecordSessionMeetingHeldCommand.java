package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a scheduled meeting of a started round took place. */
public record RecordSessionMeetingHeldCommand(@TargetAggregateIdentifier String sessionId, int round, String actorId,
                                              String partnerActorId) {
}
