package fr.labos.partenariats.matchmaking.matching;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.Optional;

/**
 * How near a need and an offer are, from the smallest official territory that holds both of their scopes: same
 * commune 1, same EPCI 0.85, same département 0.7, same région 0.5. When only France holds both, a post of national
 * scope still reaches everywhere (0.3); two local posts in different régions are far apart (0).
 */
final class TerritorialProximity {

    static final double NATIONAL_REACH = 0.3;

    private final TerritoryDirectory territories;

    TerritorialProximity(TerritoryDirectory territories) {
        this.territories = territories;
    }

    /** The territory both scopes lie in, if the official reference knows both. */
    Optional<TerritoryRef> commonTerritory(TerritoryRef need, TerritoryRef offer) {
        if (need.equals(offer)) {
            return Optional.of(need);
        }
        return territories.lowestCommonAncestor(need, offer);
    }

    double value(TerritoryRef need, TerritoryRef offer) {
        Optional<TerritoryRef> common = commonTerritory(need, offer);
        TerritoryLevel level = common.map(TerritoryRef::level).orElse(TerritoryLevel.NATIONAL);
        return switch (level) {
            case COMMUNE -> 1.0;
            case EPCI -> 0.85;
            case DEPARTEMENT -> 0.7;
            case REGION -> 0.5;
            case NATIONAL -> isNational(need) || isNational(offer) ? NATIONAL_REACH : 0.0;
        };
    }

    /** The official name of a territory, or its code when the reference does not know it. */
    String nameOf(TerritoryRef territory) {
        return territories.nameOf(territory).orElse(territory.code() == null ? "territoire non précisé" : territory.code());
    }

    private static boolean isNational(TerritoryRef territory) {
        return territory.level() == TerritoryLevel.NATIONAL;
    }
}
