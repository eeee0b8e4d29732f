package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.engine.index.RankingFilter;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filter parameters shared by every ranking endpoint, read into a {@link RankingFilter}:
 * <ul>
 *   <li>{@code territoryLevel} + {@code territoryCode}: only candidates inside that territory, e.g.
 *   {@code territoryLevel=DEPARTEMENT&territoryCode=38} (a code needs its level: « 84 » is both a région and a
 *   département);</li>
 *   <li>{@code territoryLevel} alone: only candidates scoped at that level, e.g. {@code NATIONAL};</li>
 *   <li>{@code actorType} (repeatable): only candidates of actors of these types;</li>
 *   <li>{@code category} (repeatable): only candidates of these resource categories;</li>
 *   <li>{@code includeIntroduced} ({@code true} or {@code false}, the default): also the actors the introductions set
 *   aside for the subject's actor (open introduction, declined as competitor or already partners, partnership), each
 *   marked with the reason — for a caller who may read that actor's introductions; the others get the ranking without
 *   them ({@link MatchController}).</li>
 * </ul>
 * Enum values are case-insensitive. A bad value is an {@link InvalidParameterException} naming the parameter.
 */
@Component
class RankingFilterParameters {

    private final TerritoryDirectory territories;

    RankingFilterParameters(TerritoryDirectory territories) {
        this.territories = territories;
    }

    RankingFilter read(RankingFilterQuery query) {
        return read(query.territoryLevel(), query.territoryCode(), query.actorType(), query.category())
                .keepingSetAside(flag("includeIntroduced", query.includeIntroduced()));
    }

    private static boolean flag(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidParameterException.oneOf(parameter, value, "true, false");
        };
    }

    private RankingFilter read(String territoryLevel, String territoryCode, List<String> actorTypes, List<String> categories) {
        TerritoryLevel level = territoryLevel == null || territoryLevel.isBlank() ? null
                : parse(TerritoryLevel.class, "territoryLevel", territoryLevel);
        RankingFilter filter = RankingFilter.none()
                .actorTypes(parseAll(ActorType.class, "actorType", actorTypes))
                .categories(parseAll(ResourceCategory.class, "category", categories));
        if (territoryCode == null || territoryCode.isBlank()) {
            return level == null ? filter : filter.scopedAt(level);
        }
        if (level == null) {
            throw new InvalidParameterException("territoryLevel", "invalid.parameter.level-required",
                    ProblemMessages.written(names(TerritoryLevel.class)));
        }
        TerritoryRef territory = new TerritoryRef(territoryCode.strip(), level);
        if (!territories.isKnown(territory)) {
            throw new InvalidParameterException("territoryCode", "invalid.parameter.territory", territoryCode,
                    level.name());
        }
        return filter.within(territory);
    }

    private static <E extends Enum<E>> Set<E> parseAll(Class<E> type, String parameter, List<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<E> parsed = EnumSet.noneOf(type);
        for (String value : values) {
            // Both ?category=A&category=B and ?category=A,B (Spring splits the latter already).
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    parsed.add(parse(type, parameter, one));
                }
            }
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.oneOf(parameter, value, names(type));
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
