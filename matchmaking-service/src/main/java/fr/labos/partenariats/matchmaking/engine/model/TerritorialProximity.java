package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.TerritoryLevel;

/**
 * The territorial rule of the model, a gate and a proximity.
 *
 * <p><b>Gate.</b> A need and an offer may be paired only if one's territory contains the other's (in the sense of
 * {@code TerritoryDirectory.contains}: a territory contains itself, national contains everything, an EPCI lying across
 * départements lies in each of them). So a national offer reaches every need; a need scoped to a département accepts
 * offers inside it (a commune, an EPCI of it) and offers covering it (the département itself, its région, national);
 * two posts in neighbouring communes, or in two départements, are not paired: neither territory answers for the
 * other, and an actor wanting wider reach widens its post's scope.
 *
 * <p><b>Proximity.</b> For a pair through the gate, the larger of the two territories is the smallest territory
 * holding both; nearer is better, by its level:
 * <pre>
 * smallest common territory   commune  EPCI  département  région  national
 * proximity                   1.0      0.85  0.7          0.5     0.3
 * </pre>
 * e.g. a need in Grenoble and an offer for all of Isère: 0.7; a need for Isère and a national offer: 0.3.
 */
public final class TerritorialProximity {

    private TerritorialProximity() {
    }

    /** Whether the gate lets the pair through: one territory contains the other. */
    public static boolean compatible(Place a, Place b) {
        return a.isWithin(b) || b.isWithin(a);
    }

    /** The smallest territory holding both; only meaningful for a compatible pair. */
    public static Place common(Place a, Place b) {
        return a.isWithin(b) ? b : a;
    }

    /** Proximity of a compatible pair, from the level of the smallest territory holding both. */
    public static double value(Place a, Place b) {
        return valueAt(common(a, b).level());
    }

    public static double valueAt(TerritoryLevel level) {
        return switch (level) {
            case COMMUNE -> 1.0;
            case EPCI -> 0.85;
            case DEPARTEMENT -> 0.7;
            case REGION -> 0.5;
            case NATIONAL -> 0.3;
        };
    }
}
