package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Note that a facilitator reminded a side of an open introduction.
 *
 * @param remindedActorId one of the two actors, or null for both
 */
public record RecordReminderCommand(@TargetAggregateIdentifier String introductionId, String remindedActorId,
                                    ReminderChannel channel, String note) {
}
