package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraw an introduction; only its proposer may.
 *
 * @param principalSubject the subject id of the principal asking
 */
public record WithdrawIntroductionCommand(@TargetAggregateIdentifier String introductionId, String principalSubject,
                                          String reason) {
}
