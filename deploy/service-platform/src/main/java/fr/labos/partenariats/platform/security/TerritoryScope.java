package fr.labos.partenariats.platform.security;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.util.Optional;
import java.util.Set;

/**
 * A territory as tokens and the APIs write it: {@code DEPARTEMENT:38}, {@code REGION:84} — the levels a facilitator
 * serves (its token's territories) and those a list may be narrowed to. One reading for the token's claim and for the
 * requests' parameters, so that what a facilitator holds is what it may ask for.
 */
public final class TerritoryScope {

    /** The levels a territory is written at. */
    private static final Set<TerritoryLevel> LEVELS = Set.of(TerritoryLevel.DEPARTEMENT, TerritoryLevel.REGION);

    private TerritoryScope() {
    }

    /** The département or région written, if it is one of the official directory's; empty for anything else. */
    public static Optional<TerritoryRef> parse(String written) {
        int colon = written.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String level = written.substring(0, colon).strip();
        String code = written.substring(colon + 1).strip();
        for (TerritoryLevel candidate : LEVELS) {
            if (candidate.name().equals(level)) {
                TerritoryRef ref = new TerritoryRef(code, candidate);
                return TerritoryDirectory.official().isKnown(ref) ? Optional.of(ref) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The territory as {@link #parse} reads it: {@code DEPARTEMENT:38}. */
    public static String written(TerritoryRef territory) {
        return territory.level().name() + ":" + territory.code();
    }
}
