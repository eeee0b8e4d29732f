package fr.labos.partenariats.schema.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Propose two actors to each other, on the grounds given (see {@link IntroductionProposedEvent}). */
public record ProposeIntroductionCommand(@TargetAggregateIdentifier String introductionId, IntroductionSource source,
                                         String actorId, String partnerActorId, List<NeedOfferPair> pairs,
                                         MatchSnapshot match, Proposer proposedBy, String note) {

    public ProposeIntroductionCommand {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
}
