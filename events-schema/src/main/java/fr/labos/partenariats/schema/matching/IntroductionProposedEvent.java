package fr.labos.partenariats.schema.matching;

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
 */
@Revision("1")
public record IntroductionProposedEvent(String introductionId, IntroductionSource source, String actorId,
                                        String partnerActorId, List<NeedOfferPair> pairs, MatchSnapshot match,
                                        Proposer proposedBy, String note, Instant proposedAt, Instant answerBy) {

    public IntroductionProposedEvent {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
}
