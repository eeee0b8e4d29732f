package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A table can no longer be used (taken back by the venue, broken): the rounds not started do without it. */
public record RecordTableLostCommand(@TargetAggregateIdentifier String sessionId, int table) {
}
