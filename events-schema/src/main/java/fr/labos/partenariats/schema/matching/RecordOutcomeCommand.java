package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.LocalDate;

/**
 * Record what came of an accepted introduction (see {@link OutcomeRecordedEvent}).
 *
 * @param actingFor the side that records it, or null for a facilitator acting for neither
 */
public record RecordOutcomeCommand(@TargetAggregateIdentifier String introductionId, String actingFor,
                                   Outcome outcome, LocalDate occurredOn, String note, PartnershipForm form,
                                   ResourceCategory category) {
}
