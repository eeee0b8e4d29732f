package fr.labos.partenariats.matchmaking.matching.api;

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
 * takes the filters of {@link RankingFilterParameters}.
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
        return finder.forNeed(needId, filters.read(filter), limit).stream()
                .map(MatchViews::offerMatch).toList();
    }

    /** Needs that an open offer answers, best first. */
    @GetMapping("/api/offers/{offerId}/matches")
    List<MatchViews.NeedMatch> matchesForOffer(@PathVariable String offerId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                               @ParameterObject RankingFilterQuery filter) {
        return finder.forOffer(offerId, filters.read(filter), limit).stream()
                .map(MatchViews::needMatch).toList();
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
        return finder.partnersOf(actorId, filters.read(filter), limit, pairs)
                .stream().map(MatchViews::partner).toList();
    }
}
