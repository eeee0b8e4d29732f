package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Plan a meeting for an accepted introduction.
 *
 * @param actingFor the side that plans it, or null for a facilitator acting for neither
 */
public record ScheduleMeetingCommand(@TargetAggregateIdentifier String introductionId, String meetingId,
                                     String actingFor, Instant startsAt, String location) {
}
