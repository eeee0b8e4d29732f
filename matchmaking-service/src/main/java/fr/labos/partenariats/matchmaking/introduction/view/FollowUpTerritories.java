package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.platform.security.TerritoryScope;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The territories a follow-up list may be narrowed to ({@code ?territory=DEPARTEMENT:38}): a région's facilitator
 * works through one département at a time, an admin through one région or département. An introduction is a
 * territory's when one of its two actors is at home there (between Isère and Savoie, it is both départements').
 */
@Component
class FollowUpTerritories {

    private final TerritoryDirectory directory = TerritoryDirectory.official();

    /** The territory asked for, if any; written otherwise than {@code DEPARTEMENT:38} or {@code REGION:84}, a 400. */
    Optional<TerritoryRef> read(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(TerritoryScope.parse(written)
                .orElseThrow(() -> new InvalidParameterException("territory", "invalid.follow-up.territory", written)));
    }

    /** Whether the actor's home commune is in the territory (an actor whose profile has not arrived yet is nowhere). */
    boolean isHomeOf(TerritoryRef territory, ActorEntry actor) {
        return actor.homeTerritory() != null && directory.contains(territory, TerritoryRef.commune(actor.homeTerritory()));
    }

    /**
     * The territories worth offering the principal: a facilitator's own, each région followed by its départements; for
     * an admin, every région, then every département. Each is one the list may be narrowed to; the list narrows to
     * others too (a facilitator member of an actor elsewhere), they are just not offered.
     */
    List<IntroductionViewJson.TerritoryChoice> choices(LabPrincipal principal) {
        Stream<TerritoryRef> offered = principal.is(LabRole.ADMIN)
                ? Stream.concat(sorted(directory.codes(TerritoryLevel.REGION), TerritoryLevel.REGION),
                        sorted(directory.codes(TerritoryLevel.DEPARTEMENT), TerritoryLevel.DEPARTEMENT))
                : principal.territories().stream().flatMap(territory -> territory.level() == TerritoryLevel.REGION
                        ? Stream.concat(Stream.of(territory), departementsOf(territory)) : Stream.of(territory));
        Set<TerritoryRef> distinct = new LinkedHashSet<>(offered.toList());
        return distinct.stream().map(territory -> new IntroductionViewJson.TerritoryChoice(TerritoryScope.written(territory),
                directory.nameOf(territory).orElse(territory.code()), territory.level() == TerritoryLevel.REGION
                        ? "région" : "département")).toList();
    }

    private Stream<TerritoryRef> departementsOf(TerritoryRef region) {
        return sorted(directory.codes(TerritoryLevel.DEPARTEMENT), TerritoryLevel.DEPARTEMENT)
                .filter(departement -> directory.contains(region, departement));
    }

    /**
     * Régions by name; départements by their code, as lists of départements are read in France: Corsica's two (2A, 2B)
     * where its single département 20 was, between 19 and 21 — not after 29, where the characters would put them.
     */
    private Stream<TerritoryRef> sorted(List<String> codes, TerritoryLevel level) {
        Comparator<TerritoryRef> order = level == TerritoryLevel.REGION
                ? Comparator.comparing(ref -> directory.nameOf(ref).orElse(ref.code()))
                : Comparator.comparing(ref -> ref.code().replaceFirst("^2([AB])$", "20$1"));
        return codes.stream().map(code -> new TerritoryRef(code, level)).sorted(order);
    }
}
