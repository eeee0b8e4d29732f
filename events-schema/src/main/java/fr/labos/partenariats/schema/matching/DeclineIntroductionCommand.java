package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decline an introduction on behalf of one of its two actors, with a reason. */
public record DeclineIntroductionCommand(@TargetAggregateIdentifier String introductionId, String actorId,
                                         DeclineReason reason, String explanation) {
}
