package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the generated schedule to the participants. */
public record PublishScheduleCommand(@TargetAggregateIdentifier String sessionId) {
}
