package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a scheduled meeting took place.
 *
 * @param actingFor the side that records it, or null for a facilitator acting for neither
 */
public record RecordMeetingHeldCommand(@TargetAggregateIdentifier String introductionId, String meetingId,
                                       String actingFor, String note) {
}
