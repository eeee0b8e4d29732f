package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.LocalDate;

/**
 * Record what came of an accepted introduction (see {@link OutcomeRecordedEvent}).
 *
 * @param actingFor    the side that records it, or null for a facilitator acting for neither
 * @param lastStepSeen the last step of the introduction (its sequence number) the author saw before recording it:
 *                     refused when an outcome was recorded after it (from another page, by someone else) — the same
 *                     partnership would otherwise be counted twice. Null: no check
 */
public record RecordOutcomeCommand(@TargetAggregateIdentifier String introductionId, String actingFor,
                                   Outcome outcome, LocalDate occurredOn, String note, PartnershipForm form,
                                   ResourceCategory category, Long lastStepSeen) {

    /** Without a step to check against: recorded whatever was recorded since. */
    public RecordOutcomeCommand(String introductionId, String actingFor, Outcome outcome, LocalDate occurredOn,
                                String note, PartnershipForm form, ResourceCategory category) {
        this(introductionId, actingFor, outcome, occurredOn, note, form, category, null);
    }
}
