package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraw an introduction; only its proposer may, or an administrator (who may do everything).
 *
 * @param principalSubject the subject id of the principal asking
 * @param principalRole    the role it acts in ({@code ADMIN}, {@code FACILITATOR}, {@code ACTOR_MEMBER}...)
 */
public record WithdrawIntroductionCommand(@TargetAggregateIdentifier String introductionId, String principalSubject,
                                          String principalRole, String reason) {
}
