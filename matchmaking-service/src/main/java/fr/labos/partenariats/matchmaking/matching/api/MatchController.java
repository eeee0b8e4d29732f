package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.matching.MatchFinder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Ranked partners for a need, an offer or an actor, each with the reasons a facilitator can read out. Every endpoint
 * takes the filters of {@link RankingFilterParameters}. Pairs of actors set aside by their introductions are left out,
 * or kept and marked with the reason on {@code includeIntroduced=true}.
 */
@RestController
class MatchController {

    static final int MAX_LIMIT = 100;
    static final int MAX_PAIRS = 20;

    private final MatchFinder finder;
    private final RankingFilterParameters filters;

    MatchController(MatchFinder finder, RankingFilterParameters filters) {
        this.finder = finder;
        this.filters = filters;
    }

    /** Offers that answer an open need, best first. */
    @GetMapping("/api/needs/{needId}/matches")
    List<MatchViews.OfferMatch> matchesForNeed(@PathVariable String needId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                               @ParameterObject RankingFilterQuery filter) {
        RankingFilter read = filters.read(filter);
        return finder.forNeed(needId, read, limit).stream()
                .map(m -> MatchViews.offerMatch(m, mark(read, m.needActor().id(), m.offerActor().id()))).toList();
    }

    /** Needs that an open offer answers, best first. */
    @GetMapping("/api/offers/{offerId}/matches")
    List<MatchViews.NeedMatch> matchesForOffer(@PathVariable String offerId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                               @ParameterObject RankingFilterQuery filter) {
        RankingFilter read = filters.read(filter);
        return finder.forOffer(offerId, read, limit).stream()
                .map(m -> MatchViews.needMatch(m, mark(read, m.offerActor().id(), m.needActor().id()))).toList();
    }

    /**
     * Other actors ranked for an actor by aggregating their need/offer pairs in both directions, each with its best
     * {@code pairs} pairs explained.
     */
    @GetMapping("/api/actors/{actorId}/partners")
    List<MatchViews.PartnerView> partners(@PathVariable String actorId,
                                          @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                          @RequestParam(defaultValue = "5") @Min(1) @Max(MAX_PAIRS) int pairs,
                                          @ParameterObject RankingFilterQuery filter) {
        RankingFilter read = filters.read(filter);
        return finder.partnersOf(actorId, read, limit, pairs)
                .stream().map(p -> MatchViews.partner(p, mark(read, actorId, p.actor().id()))).toList();
    }

    /** The reason a pair is set aside, when the caller asked to see such pairs; null otherwise. */
    private MatchViews.IntroducedView mark(RankingFilter filter, String actorId, String partnerId) {
        return filter.keepSetAside()
                ? finder.setAside(actorId, partnerId).map(MatchViews::introduced).orElse(null) : null;
    }
}
