package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.introduction.view.IntroductionReadAccess;
import fr.labos.partenariats.matchmaking.matching.MatchFinder;
import fr.labos.partenariats.platform.security.LabPrincipal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Function;

/**
 * Ranked partners for a need, an offer or an actor, each with the reasons a facilitator can read out. Every endpoint
 * takes the filters of {@link RankingFilterParameters}. Pairs of actors set aside by their introductions are left out,
 * or kept and marked with the reason on {@code includeIntroduced=true} for a caller who may read the subject actor's
 * introductions.
 */
@RestController
class MatchController {

    static final int MAX_LIMIT = 100;
    static final int MAX_PAIRS = 20;

    private final MatchFinder finder;
    private final RankingFilterParameters filters;
    private final IntroductionReadAccess introductions;

    MatchController(MatchFinder finder, RankingFilterParameters filters, IntroductionReadAccess introductions) {
        this.finder = finder;
        this.filters = filters;
        this.introductions = introductions;
    }

    /** Offers that answer an open need, best first. */
    @GetMapping("/api/needs/{needId}/matches")
    List<MatchViews.OfferMatch> matchesForNeed(@PathVariable String needId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                               @ParameterObject RankingFilterQuery filter,
                                               @AuthenticationPrincipal LabPrincipal principal) {
        Shown<Match> shown = shownTo(principal, filters.read(filter), read -> finder.forNeed(needId, read, limit),
                match -> match.needActor().id());
        return shown.ranked().stream().map(m -> MatchViews.offerMatch(m,
                mark(shown.filter(), m.needActor().id(), m.offerActor().id()))).toList();
    }

    /** Needs that an open offer answers, best first. */
    @GetMapping("/api/offers/{offerId}/matches")
    List<MatchViews.NeedMatch> matchesForOffer(@PathVariable String offerId,
                                               @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                               @ParameterObject RankingFilterQuery filter,
                                               @AuthenticationPrincipal LabPrincipal principal) {
        Shown<Match> shown = shownTo(principal, filters.read(filter), read -> finder.forOffer(offerId, read, limit),
                match -> match.offerActor().id());
        return shown.ranked().stream().map(m -> MatchViews.needMatch(m,
                mark(shown.filter(), m.offerActor().id(), m.needActor().id()))).toList();
    }

    /**
     * Other actors ranked for an actor by aggregating their need/offer pairs in both directions, each with its best
     * {@code pairs} pairs explained.
     */
    @GetMapping("/api/actors/{actorId}/partners")
    List<MatchViews.PartnerView> partners(@PathVariable String actorId,
                                          @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
                                          @RequestParam(defaultValue = "5") @Min(1) @Max(MAX_PAIRS) int pairs,
                                          @ParameterObject RankingFilterQuery filter,
                                          @AuthenticationPrincipal LabPrincipal principal) {
        // The subject is known before ranking: a caller who may not see the pairs set aside is ranked once, without.
        RankingFilter shown = seenBy(principal, filters.read(filter), actorId);
        return finder.partnersOf(actorId, shown, limit, pairs).stream()
                .map(p -> MatchViews.partner(p, mark(shown, actorId, p.actor().id()))).toList();
    }

    /**
     * The filter as this caller may use it for the subject actor's ranking. The pairs set aside by introductions, and
     * why ({@code includeIntroduced=true}), are the subject actor's business: shown to whoever may read its
     * introductions (its members, the facilitators of its territory, admins); to anyone else the ranking leaves them
     * out, as without the flag, rather than confirm an introduction, its status and its id.
     */
    private RankingFilter seenBy(LabPrincipal principal, RankingFilter filter, String subjectActorId) {
        return filter.keepSetAside() && !introductions.mayReadIntroductionsOf(principal, subjectActorId)
                ? filter.keepingSetAside(false) : filter;
    }

    /**
     * A need's or an offer's ranking as this caller may see it ({@link #seenBy}): its subject, the post's actor, is
     * that of the ranking's results, all alike; ranked again, without the pairs set aside, only for a caller who asked
     * for them and may not see them.
     */
    private <T> Shown<T> shownTo(LabPrincipal principal, RankingFilter filter, Function<RankingFilter, List<T>> rank,
                                 Function<T, String> subjectOf) {
        List<T> ranked = rank.apply(filter);
        RankingFilter seen = ranked.isEmpty() ? filter : seenBy(principal, filter, subjectOf.apply(ranked.get(0)));
        return seen.equals(filter) ? new Shown<>(ranked, filter) : new Shown<>(rank.apply(seen), seen);
    }

    /** A ranking, and the filter it was made with. */
    private record Shown<T>(List<T> ranked, RankingFilter filter) {
    }

    /** The reason a pair is set aside, when the caller asked to see such pairs; null otherwise. */
    private MatchViews.IntroducedView mark(RankingFilter filter, String actorId, String partnerId) {
        return filter.keepSetAside()
                ? finder.setAside(actorId, partnerId).map(MatchViews::introduced).orElse(null) : null;
    }
}
