package fr.labos.partenariats.matchmaking.engine.model;

/**
 * Tunable numbers of {@link ComplementarityModel} (in the service, {@code matchmaking.complementarity.*}). The score
 * is the weighted mean of the components, so weights need not add up to 1; only their ratios matter. A weight of 0
 * switches its component off (the gates stay).
 *
 * @param category              weight of category and form compatibility
 * @param territory             weight of territorial proximity
 * @param purpose               weight of shared SDGs and themes
 * @param description           weight of description similarity
 * @param crossFamily           weight of the alliance's family mix
 * @param reciprocity           weight of reciprocity
 * @param freshness             weight of the freshness of the two posts
 * @param crossAnswer           category value when the offer answers the need with another category (e.g. SKILLS for CO_PRODUCTION)
 * @param relatedForm           multiplier when the partnership forms differ but work together (e.g. RESOURCES into CO_PRODUCTION)
 * @param distantForm           multiplier when the forms differ more (e.g. POSITIONING and RESOURCES)
 * @param peerAlliance          crossFamily value of two actors of one family (e.g. two associations), against 1 across families
 * @param freshnessHalfLifeDays age in days at which a post's freshness has halved
 */
public record ComplementarityWeights(double category, double territory, double purpose, double description,
                                     double crossFamily, double reciprocity, double freshness, double crossAnswer,
                                     double relatedForm, double distantForm, double peerAlliance,
                                     int freshnessHalfLifeDays) {

    public ComplementarityWeights {
        if (category < 0 || territory < 0 || purpose < 0 || description < 0 || crossFamily < 0 || reciprocity < 0 || freshness < 0) {
            throw new IllegalArgumentException("complementarity weights cannot be negative");
        }
        if (category + territory + purpose + description + crossFamily + reciprocity + freshness <= 0) {
            throw new IllegalArgumentException("at least one complementarity weight must be positive");
        }
        if (freshnessHalfLifeDays <= 0) {
            throw new IllegalArgumentException("the freshness half-life must be at least one day");
        }
    }

    /** The defaults, as documented in {@code matchmaking-service.yml}. */
    public static ComplementarityWeights defaults() {
        return new ComplementarityWeights(0.20, 0.20, 0.20, 0.15, 0.10, 0.10, 0.05, 0.6, 0.8, 0.6, 0.4, 180);
    }

    /** These weights with one component's weight replaced, e.g. set to 0 to measure what that component adds. */
    public ComplementarityWeights with(Component component, double weight) {
        return new ComplementarityWeights(
                component == Component.CATEGORY ? weight : category,
                component == Component.TERRITORY ? weight : territory,
                component == Component.PURPOSE ? weight : purpose,
                component == Component.DESCRIPTION ? weight : description,
                component == Component.CROSS_FAMILY ? weight : crossFamily,
                component == Component.RECIPROCITY ? weight : reciprocity,
                component == Component.FRESHNESS ? weight : freshness,
                crossAnswer, relatedForm, distantForm, peerAlliance, freshnessHalfLifeDays);
    }

    /** The weight of one component. */
    public double of(Component component) {
        return switch (component) {
            case CATEGORY -> category;
            case TERRITORY -> territory;
            case PURPOSE -> purpose;
            case DESCRIPTION -> description;
            case CROSS_FAMILY -> crossFamily;
            case RECIPROCITY -> reciprocity;
            case FRESHNESS -> freshness;
        };
    }

    double total() {
        return category + territory + purpose + description + crossFamily + reciprocity + freshness;
    }

    /** The components of the score, in the order they are summed. */
    public enum Component {
        CATEGORY, TERRITORY, PURPOSE, DESCRIPTION, CROSS_FAMILY, RECIPROCITY, FRESHNESS
    }
}
