package fr.labos.partenariats.matchmaking.matching.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.labos.partenariats.matchmaking.engine.index.Partner;
import fr.labos.partenariats.matchmaking.engine.model.Components;
import fr.labos.partenariats.matchmaking.engine.model.Match;
import fr.labos.partenariats.matchmaking.engine.model.Place;
import fr.labos.partenariats.matchmaking.engine.model.PostFeatures;
import fr.labos.partenariats.matchmaking.matching.exclusion.ExclusionReason;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The JSON shapes of the ranking endpoints. */
final class MatchViews {

    private MatchViews() {
    }

    /** An offer proposed for a need; {@code introduced} only on {@code includeIntroduced=true}, for a pair set aside. */
    record OfferMatch(String offerId, String actorId, String actorName, String title, ResourceCategory category,
                      TerritoryView territory, double score, Explanation explanation,
                      @JsonInclude(JsonInclude.Include.NON_NULL) IntroducedView introduced) {
    }

    /** A need proposed for an offer; {@code introduced} as for {@link OfferMatch}. */
    record NeedMatch(String needId, String actorId, String actorName, String title, ResourceCategory category,
                     TerritoryView territory, double score, Explanation explanation,
                     @JsonInclude(JsonInclude.Include.NON_NULL) IntroducedView introduced) {
    }

    /** Why the matcher would otherwise leave this pair of actors out: the reason, in French, and the introduction. */
    record IntroducedView(ExclusionReason reason, String label, String introductionId) {
    }

    /** Where a post stands. */
    record TerritoryView(String code, TerritoryLevel level, String name) {
    }

    /** Why: the model that scored, each component in [0, 1], and a French sentence. */
    record Explanation(String modelVersion, ComponentsView components, String sentence) {
    }

    record ComponentsView(double category, double territory, double purpose, double description, double crossFamily,
                          double reciprocity, double freshness) {
    }

    /** Another actor proposed to an actor, and the need/offer pairs behind it. */
    record PartnerView(String actorId, String actorName, ActorType actorType, double score, boolean reciprocal,
                       int pairCount, String sentence, List<PairView> pairs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) IntroducedView introduced) {
    }

    /** Which way a pair goes, seen from the actor who asked. */
    enum Direction {
        /** The partner offers what the actor needs. */
        THEY_OFFER,
        /** The partner needs what the actor offers. */
        THEY_NEED
    }

    record PairView(Direction direction, String needId, String needTitle, String offerId, String offerTitle, double score,
                    Explanation explanation) {
    }

    static OfferMatch offerMatch(Match match, IntroducedView introduced) {
        return new OfferMatch(match.offer().id(), match.offerActor().id(), match.offerActor().name(),
                match.offer().title(), match.offer().category(), territory(match.offer()), round(match.score()),
                explanation(match), introduced);
    }

    static NeedMatch needMatch(Match match, IntroducedView introduced) {
        return new NeedMatch(match.need().id(), match.needActor().id(), match.needActor().name(),
                match.need().title(), match.need().category(), territory(match.need()), round(match.score()),
                explanation(match), introduced);
    }

    static IntroducedView introduced(IntroducedPairs.SetAside setAside) {
        return new IntroducedView(setAside.reason(), setAside.reason().label(), setAside.introductionId());
    }

    static PartnerView partner(Partner partner, IntroducedView introduced) {
        String partnerId = partner.actor().id();
        List<PairView> pairs = partner.pairs().stream().map(match -> new PairView(
                partnerId.equals(match.offerActor().id()) ? Direction.THEY_OFFER : Direction.THEY_NEED,
                match.need().id(), match.need().title(), match.offer().id(), match.offer().title(),
                round(match.score()), explanation(match))).toList();
        return new PartnerView(partnerId, partner.actor().name(), partner.actor().type(), round(partner.score()),
                partner.reciprocal(), partner.pairCount(), partner.sentence(), pairs, introduced);
    }

    private static TerritoryView territory(PostFeatures post) {
        Place place = post.place();
        return new TerritoryView(place.ref().code(), place.level(), place.name());
    }

    private static Explanation explanation(Match match) {
        Components c = match.components();
        return new Explanation(match.modelVersion(),
                new ComponentsView(round(c.category()), round(c.territory()), round(c.purpose()), round(c.description()),
                        round(c.crossFamily()), round(c.reciprocity()), round(c.freshness())),
                match.sentence());
    }

    // Four decimals are plenty to read and to sort by; the ranking itself used the exact values.
    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
