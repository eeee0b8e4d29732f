package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.MatchFinder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Ranked partners for a need or an offer, each with the reasons a facilitator can read out. */
@RestController
class MatchController {

    static final int MAX_LIMIT = 100;

    private final MatchFinder finder;

    MatchController(MatchFinder finder) {
        this.finder = finder;
    }

    /** Offers that answer an open need, best first. */
    @GetMapping("/api/needs/{needId}/matches")
    List<MatchViews.OfferMatch> matchesForNeed(@PathVariable String needId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit) {
        return finder.forNeed(needId, limit).stream().map(MatchViews::offerMatch).toList();
    }

    /** Needs that an open offer answers, best first. */
    @GetMapping("/api/offers/{offerId}/matches")
    List<MatchViews.NeedMatch> matchesForOffer(@PathVariable String offerId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit) {
        return finder.forOffer(offerId, limit).stream().map(MatchViews::needMatch).toList();
    }
}
