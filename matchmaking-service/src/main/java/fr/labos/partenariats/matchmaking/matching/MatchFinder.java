package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.common.LabCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rankings the REST API serves, from the in-memory matching engine as it stands: matches for a need or an offer,
 * partners for an actor. "Today" (for expiry and freshness) is the service clock's date. No ranking is served before
 * the introduced pairs have caught up with the introductions topic, so that every instance leaves out the same pairs.
 */
@Service
public class MatchFinder {

    private final MatchingEngine engine;
    private final IntroducedPairs introducedPairs;
    private final Clock clock;
    private final Duration readyTimeout;

    MatchFinder(MatchingEngine engine, IntroducedPairs introducedPairs, Clock clock,
                @Value("${matchmaking.index.ready-timeout:5s}") Duration readyTimeout) {
        this.engine = engine;
        this.introducedPairs = introducedPairs;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
    }

    /** Why a pair of actors is left out of rankings, if it is. */
    public Optional<IntroducedPairs.SetAside> setAside(String actorId, String partnerId) {
        return introducedPairs.between(actorId, partnerId);
    }

    /**
     * Offers for an open need, best first.
     *
     * @throws PostNotOpenException   if the need is unknown, withdrawn, fulfilled or expired
     * @throws IndexNotReadyException if the index is still loading
     */
    public List<Match> forNeed(String needId, RankingFilter filter, int limit) {
        return matches(PostKind.NEED, needId, filter, limit);
    }

    /** Needs an open offer answers, best first; same exceptions as {@link #forNeed}. */
    public List<Match> forOffer(String offerId, RankingFilter filter, int limit) {
        return matches(PostKind.OFFER, offerId, filter, limit);
    }

    /**
     * Other actors for an actor, best first, each with its best {@code pairsPerPartner} pairs.
     *
     * @throws UnknownActorException  if neither the actor nor any post of it has reached the projection
     * @throws IndexNotReadyException if the index is still loading
     */
    public List<Partner> partnersOf(String actorId, RankingFilter filter, int limit, int pairsPerPartner) {
        awaitIndex();
        return engine.partnersOf(actorId, filter, LabCalendar.today(clock), limit, pairsPerPartner)
                .orElseThrow(() -> new UnknownActorException(actorId));
    }

    private List<Match> matches(PostKind kind, String id, RankingFilter filter, int limit) {
        awaitIndex();
        return engine.rank(kind, id, filter, LabCalendar.today(clock), limit)
                .orElseThrow(() -> new PostNotOpenException(kind, id));
    }

    private void awaitIndex() {
        if (!engine.awaitReady(readyTimeout) || !introducedPairs.awaitCaughtUp(readyTimeout)) {
            throw new IndexNotReadyException();
        }
    }
}
