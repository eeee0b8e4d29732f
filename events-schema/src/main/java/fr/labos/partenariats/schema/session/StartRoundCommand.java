package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start the next round. */
public record StartRoundCommand(@TargetAggregateIdentifier String sessionId, int round) {
}
