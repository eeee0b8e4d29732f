package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.Components;
import fr.labos.partenariats.matchmaking.matching.Match;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The JSON shapes of the matches endpoints. */
final class MatchViews {

    private MatchViews() {
    }

    /** An offer proposed for a need. */
    record OfferMatch(String offerId, String actorId, String actorName, String title, double score, Explanation explanation) {
    }

    /** A need proposed for an offer. */
    record NeedMatch(String needId, String actorId, String actorName, String title, double score, Explanation explanation) {
    }

    /** Why: the model that scored, each component in [0, 1], and a French sentence. */
    record Explanation(String modelVersion, ComponentsView components, String sentence) {
    }

    record ComponentsView(double category, double territory, double purpose, double description, double crossFamily,
                          double reciprocity) {
    }

    static OfferMatch offerMatch(Match match) {
        return new OfferMatch(match.offer().id(), match.offerActor().id(), match.offerActor().name(),
                match.offer().details().title(), round(match.score()), explanation(match));
    }

    static NeedMatch needMatch(Match match) {
        return new NeedMatch(match.need().id(), match.needActor().id(), match.needActor().name(),
                match.need().details().title(), round(match.score()), explanation(match));
    }

    private static Explanation explanation(Match match) {
        Components c = match.components();
        return new Explanation(match.modelVersion(),
                new ComponentsView(round(c.category()), round(c.territory()), round(c.purpose()), round(c.description()),
                        round(c.crossFamily()), round(c.reciprocity())),
                match.sentence());
    }

    // Four decimals are plenty to read and to sort by; the ranking itself used the exact values.
    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
