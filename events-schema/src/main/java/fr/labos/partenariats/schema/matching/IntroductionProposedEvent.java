package fr.labos.partenariats.schema.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Two actors were proposed to each other (mise en relation). The grounds are frozen as they were at that moment:
 * the need/offer pairs, and for a proposal backed by the matcher its score and explanation. Both actors are asked
 * to answer before {@code answerBy}.
 *
 * @param actorId        the actor the introduction is made for (the one who asked, for an actor's request)
 * @param partnerActorId the actor it is introduced to
 * @param match          the matcher's score and sentence at that moment; null for an introduction made by hand
 * @param answerDeadlineId the deadline scheduled for {@code answerBy}, by which the introduction cancels it once
 *                       answered; absent from introductions proposed before it was recorded, and from those made at a
 *                       speed meeting (nothing to answer). Left out of the JSON when absent, so that events without it
 *                       read and write as they always did.
 */
@Revision("1")
public record IntroductionProposedEvent(String introductionId, IntroductionSource source, String actorId,
                                        String partnerActorId, List<NeedOfferPair> pairs, MatchSnapshot match,
                                        Proposer proposedBy, String note, Instant proposedAt, Instant answerBy,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) String answerDeadlineId) {

    public IntroductionProposedEvent {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
}
