package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.MatchSnapshots;
import fr.labos.partenariats.matchmaking.introduction.command.LastingPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.NeedOfferPair;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the matcher says of a pair of actors right now, frozen into a proposal: the need/offer pairs it proposes
 * between them and, for the best of those asked for, its score, components, French sentence and model version.
 */
@Component
class MatcherGrounds {

    /** How many of the matcher's best pairs a proposal rests on when the caller names none. */
    static final int DEFAULT_PAIRS = 3;
    /** How many pairs between two actors the matcher is asked for, to find the ones a caller names. */
    private static final int PAIRS_LOOKED_AT = 50;

    private final MatchingEngine engine;
    private final IntroducedPairs introducedPairs;
    private final LastingPairs lastingPairs;
    private final Clock clock;
    private final Duration readyTimeout;

    MatcherGrounds(MatchingEngine engine, IntroducedPairs introducedPairs, LastingPairs lastingPairs, Clock clock,
                   @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.engine = engine;
        this.introducedPairs = introducedPairs;
        this.lastingPairs = lastingPairs;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
    }

    /** The pairs behind a proposal and the snapshot of the best of them. */
    record Grounds(List<NeedOfferPair> pairs, MatchSnapshot match) {
    }

    /**
     * The grounds of an actor's request: the pairs asked for, each of which the matcher must propose between the two
     * actors today, or the matcher's best pairs if none is named; throws {@link PairSetAside} if the pair's
     * introductions set it aside, {@link PairNotProposed} if the matcher does not propose what is asked.
     */
    Grounds required(String actorId, String partnerId, List<NeedOfferPair> asked) {
        awaitIndex();
        checkNotSetAside(actorId, partnerId);
        return find(actorId, partnerId, asked, RankingFilter.none())
                .orElseThrow(() -> new PairNotProposed(actorId, partnerId));
    }

    /**
     * The grounds of a facilitator's proposal by hand: the pairs named, checked as for {@link #required}; otherwise
     * the matcher's best pairs if it proposes any, or none at all (an intermediation may rest on the facilitator's
     * knowledge alone). A facilitator may introduce again two actors that the matcher leaves out for good (declined as
     * competitor or already partners, partners already): that is its judgement to make, on the matcher's grounds for
     * them as for any pair (the rankings leave them out, not the grounds). Not two with an introduction in progress
     * ({@link PairSetAside}): that one is to be carried on, not repeated.
     */
    Grounds optional(String actorId, String partnerId, List<NeedOfferPair> asked) {
        awaitIndex();
        Optional<IntroducedPairs.SetAside> inProgress = introducedPairs.inProgress(actorId, partnerId);
        if (inProgress.isPresent()) {
            throw new PairSetAside(actorId, partnerId, inProgress.get());
        }
        RankingFilter setAsideToo = RankingFilter.none().keepingSetAside(true);
        if (!asked.isEmpty()) {
            return find(actorId, partnerId, asked, setAsideToo)
                    .orElseThrow(() -> new PairNotProposed(actorId, partnerId));
        }
        return find(actorId, partnerId, asked, setAsideToo).orElse(new Grounds(List.of(), null));
    }

    /**
     * Said first, and for what it is, rather than as a pair the matcher does not propose (which it does not, for
     * that reason). Read from the introductions relayed so far; one proposed a moment ago and not yet read back is
     * refused by the introduction itself ({@code OpenPairs}), and one declined for good or become a partnership by
     * what the introductions wrote down then ({@link LastingPairs}): the broker or the relay away for hours, the
     * competitor refused for good is not asked again.
     */
    private void checkNotSetAside(String actorId, String partnerId) {
        Optional<IntroducedPairs.SetAside> why = introducedPairs.between(actorId, partnerId)
                .or(() -> lastingPairs.between(actorId, partnerId));
        if (why.isPresent()) {
            throw new PairSetAside(actorId, partnerId, why.get());
        }
    }

    /** The matching index and the introduced pairs both caught up: what the grounds and the refusals are read from. */
    private void awaitIndex() {
        if (!engine.awaitReady(readyTimeout) || !introducedPairs.awaitCaughtUp(readyTimeout)) {
            throw new IndexNotReadyException();
        }
    }

    private Optional<Grounds> find(String actorId, String partnerId, List<NeedOfferPair> asked, RankingFilter filter) {
        Optional<Partner> partner = engine.weight(actorId, partnerId, LabCalendar.today(clock), PAIRS_LOOKED_AT, filter);
        if (partner.isEmpty() || partner.get().pairs().isEmpty()) {
            return Optional.empty();
        }
        List<Match> proposed = partner.get().pairs();
        List<Match> chosen;
        if (asked.isEmpty()) {
            chosen = proposed.subList(0, Math.min(DEFAULT_PAIRS, proposed.size()));
        } else {
            chosen = asked.stream().map(pair -> proposed.stream()
                    .filter(m -> m.need().id().equals(pair.needId()) && m.offer().id().equals(pair.offerId()))
                    .findFirst().orElse(null)).toList();
            if (chosen.contains(null)) {
                return Optional.empty();
            }
        }
        Match best = chosen.stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
        return Optional.of(new Grounds(chosen.stream().map(m -> new NeedOfferPair(m.need().id(), m.offer().id()))
                .distinct().toList(), MatchSnapshots.of(best)));
    }
}
