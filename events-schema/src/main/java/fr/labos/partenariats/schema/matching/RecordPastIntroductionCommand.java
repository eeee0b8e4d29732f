package fr.labos.partenariats.schema.matching;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record an introduction a lab made before it kept its introductions here, from its own records: when a facilitator
 * proposed it, how it was answered, whether the two actors met and what came of it, each with its date. It becomes
 * the same events as an introduction lived here, a {@link IntroductionSource#FACILITATOR} proposal whose payload
 * dates are the recorded ones, while each event's timestamp (and its step in the history) says when it was written,
 * and by whom. Unanswered, it expires at the end of its answer period, at once if that is already past.
 *
 * @param acceptedOn     the day both sides had accepted; null when it was declined or left unanswered
 * @param declinedOn     the day one side declined; null when it was accepted or left unanswered
 * @param declinedBy     the side that declined (one of the two actors)
 * @param declineReason  why it declined
 * @param metOn          the day the two actors first met, after acceptance; null when they did not
 * @param outcomes       what came of it after acceptance, oldest first; empty when nothing
 */
public record RecordPastIntroductionCommand(@TargetAggregateIdentifier String introductionId, String actorId,
                                            String partnerActorId, Proposer proposedBy, String note,
                                            LocalDate proposedOn, LocalDate acceptedOn, LocalDate declinedOn,
                                            String declinedBy, DeclineReason declineReason, LocalDate metOn,
                                            List<PastOutcome> outcomes) {

    public RecordPastIntroductionCommand {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** One thing that came of a past introduction, as {@link OutcomeRecordedEvent} records it. */
    public record PastOutcome(Outcome outcome, LocalDate occurredOn, String note, PartnershipForm form,
                              ResourceCategory category) {
    }
}
