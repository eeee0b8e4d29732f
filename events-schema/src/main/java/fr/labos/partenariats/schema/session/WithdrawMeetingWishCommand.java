package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take back a wish to meet another participant, before the schedule is published. */
public record WithdrawMeetingWishCommand(@TargetAggregateIdentifier String sessionId, String actorId,
                                         String wishedActorId) {
}
