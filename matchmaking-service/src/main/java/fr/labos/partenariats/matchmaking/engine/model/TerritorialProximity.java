package fr.labos.partenariats.matchmaking.engine.model;

import fr.labos.partenariats.schema.common.TerritoryLevel;

/**
 * The territorial rule of the model, a gate and a proximity.
 *
 * <p><b>Gate.</b> A need and an offer may be paired if one's territory contains the other's (in the sense of
 * {@code TerritoryDirectory.contains}: a territory contains itself, national contains everything, an EPCI lying across
 * départements lies in each of them), or if both lie in one département: neighbours, such as two communes of one
 * intercommunality (Grenoble and Échirolles) or of one département, whom a facilitator would introduce. So a national
 * offer reaches every need; a need scoped to a commune accepts offers covering it (its EPCI, département, région,
 * national) and offers of its neighbours in the département; two posts in two départements are paired only if one
 * covers the other (a région, national).
 *
 * <p><b>Proximity.</b> For a pair through the gate, nearer is better, by the level of the smallest territory holding
 * both — for nested territories the larger of the two, for neighbours the EPCI or the département they share:
 * <pre>
 * smallest common territory   commune  EPCI  département  région  national
 * proximity                   1.0      0.85  0.7          0.5     0.3
 * </pre>
 * e.g. a need in Grenoble and an offer for all of Isère: 0.7; Grenoble and Échirolles (one EPCI): 0.85; Grenoble and
 * Voiron (one département): 0.7; a need for Isère and a national offer: 0.3.
 */
public final class TerritorialProximity {

    /** Neighbours must share at least this: one département (or one EPCI, lower). */
    private static final TerritoryLevel FARTHEST_NEIGHBOURHOOD = TerritoryLevel.DEPARTEMENT;

    private TerritorialProximity() {
    }

    /** Whether the gate lets the pair through: one territory contains the other, or both lie in one département. */
    public static boolean compatible(Place a, Place b) {
        return nested(a, b) || a.containerLevels()[commonContainer(a, b)].compareTo(FARTHEST_NEIGHBOURHOOD) <= 0;
    }

    /** Whether one territory contains the other. */
    public static boolean nested(Place a, Place b) {
        return a.isWithin(b) || b.isWithin(a);
    }

    /**
     * For neighbours (not nested), whether their smallest common territory is {@code a}'s container number
     * {@code containerIndex}: each neighbour of {@code a} passes for exactly one of {@code a}'s containers.
     */
    public static boolean neighboursThrough(Place a, Place b, int containerIndex) {
        return !nested(a, b) && commonContainer(a, b) == containerIndex;
    }

    /**
     * The index, among {@code a}'s containers, of the smallest territory holding both places: of the lowest level,
     * the nearest in {@code a}'s order on a tie (an EPCI lying across départements). National holds every place, so
     * there is always one.
     */
    static int commonContainer(Place a, Place b) {
        int[] containers = a.containers();
        TerritoryLevel[] levels = a.containerLevels();
        int best = -1;
        for (int i = 0; i < containers.length; i++) {
            if ((best < 0 || levels[i].compareTo(levels[best]) < 0) && b.hasContainer(containers[i])) {
                best = i;
            }
        }
        return best < 0 ? containers.length - 1 : best;
    }

    /** The level of the smallest territory holding both; only meaningful for a compatible pair. */
    public static TerritoryLevel commonLevel(Place a, Place b) {
        if (nested(a, b)) {
            return (a.isWithin(b) ? b : a).level();
        }
        return a.containerLevels()[commonContainer(a, b)];
    }

    /** The name of the smallest territory holding both, for explanations. */
    public static String commonName(Place a, Place b) {
        if (nested(a, b)) {
            return (a.isWithin(b) ? b : a).name();
        }
        return a.containerNames()[commonContainer(a, b)];
    }

    /** Proximity of a compatible pair, from the level of the smallest territory holding both. */
    public static double value(Place a, Place b) {
        return valueAt(commonLevel(a, b));
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
