package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Say that one participant wishes to meet another. */
public record ExpressMeetingWishCommand(@TargetAggregateIdentifier String sessionId, String actorId,
                                        String wishedActorId) {
}
