package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.TerritoryScope;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The communes a département or a région holds, to list the actors at home there: the official directory's communes
 * and arrondissements municipaux (a home may be either), computed once per territory asked — at most the hundred-odd
 * départements and eighteen régions.
 */
@Component
class HomeTerritories {

    private final TerritoryDirectory directory = TerritoryDirectory.official();
    private final Map<TerritoryRef, List<String>> communes = new ConcurrentHashMap<>();

    /** {@code DEPARTEMENT:38} or {@code REGION:84}, as tokens write territories; anything else is a 400. */
    static TerritoryRef parse(String territory) {
        return TerritoryScope.parse(territory)
                .orElseThrow(() -> new InvalidInputException("territory", "invalid.actor.territory", territory));
    }

    List<String> of(TerritoryRef territory) {
        return communes.computeIfAbsent(territory, outer -> directory.codes(TerritoryLevel.COMMUNE).stream()
                .filter(code -> directory.contains(outer, TerritoryRef.commune(code))).toList());
    }
}
