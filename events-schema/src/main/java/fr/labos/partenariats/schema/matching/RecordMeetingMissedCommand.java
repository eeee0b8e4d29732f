package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a scheduled meeting did not take place.
 *
 * @param actingFor     the side that records it, or null for a facilitator acting for neither
 * @param absentActorId the side that did not come, when known
 */
public record RecordMeetingMissedCommand(@TargetAggregateIdentifier String introductionId, String meetingId,
                                         String actingFor, String absentActorId, String note) {
}
