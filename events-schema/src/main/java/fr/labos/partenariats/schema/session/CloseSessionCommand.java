package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the session. */
public record CloseSessionCommand(@TargetAggregateIdentifier String sessionId) {
}
