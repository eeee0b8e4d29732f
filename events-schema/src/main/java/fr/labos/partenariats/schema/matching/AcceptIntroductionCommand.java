package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept an introduction on behalf of one of its two actors. */
public record AcceptIntroductionCommand(@TargetAggregateIdentifier String introductionId, String actorId) {
}
