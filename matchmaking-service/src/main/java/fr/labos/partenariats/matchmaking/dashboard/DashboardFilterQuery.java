package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import fr.labos.partenariats.schema.common.ActorFamily;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import io.swagger.v3.oas.annotations.Parameter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The filters of every dashboard as the request carries them ({@code ?from=2026-01-01&to=2026-06-30&departement=38
 * &region=84&family=PUBLIC&category=FUNDING}), checked into a {@link DashboardFilter}: a bad value is a 400 naming it,
 * and so is a {@code from} after {@code to}, or a département outside the région asked with it. {@code from} and
 * {@code to} select introductions by their proposal day, but in {@code periods} the steps by their own day.
 */
record DashboardFilterQuery(
        @Parameter(description = "Premier jour (AAAA-MM-JJ, heure de Paris, inclus) : jour de la proposition des mises "
                + "en relation comptées ; pour /api/dashboard/periods, jour de chaque étape comptée", example = "2026-01-01")
        String from,
        @Parameter(description = "Dernier jour (inclus), comme from", example = "2026-03-31")
        String to,
        String departement, String region, String family, String category) {

    private static final TerritoryDirectory TERRITORIES = TerritoryDirectory.official();

    DashboardFilter read() {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        // A period that ends before it starts holds nothing: an empty 200 would read as a period without introductions.
        if (first != null && last != null && first.isAfter(last)) {
            throw new InvalidParameterException("from", "invalid.parameter.period", first.toString(), last.toString());
        }
        String departementCode = territory("departement", departement, TerritoryLevel.DEPARTEMENT);
        String regionCode = territory("region", region, TerritoryLevel.REGION);
        // Both filters hold together only within the région: Isère and Île-de-France would keep an Isère–Paris
        // introduction in the funnel and in no row of the territories, a total over an empty table.
        if (departementCode != null && regionCode != null && !TERRITORIES
                .regionOf(new TerritoryRef(departementCode, TerritoryLevel.DEPARTEMENT))
                .map(TerritoryRef::code).orElse("").equals(regionCode)) {
            throw new InvalidParameterException("region", "invalid.parameter.dashboard-region", departementCode, regionCode);
        }
        return new DashboardFilter(first, last, departementCode, regionCode, oneOf("family", family, ActorFamily.class),
                oneOf("category", category, ResourceCategory.class));
    }

    private static LocalDate date(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "invalid.parameter.date", value);
        }
    }

    private static String territory(String parameter, String value, TerritoryLevel level) {
        if (blank(value)) {
            return null;
        }
        String code = value.trim();
        if (!TERRITORIES.isKnown(new TerritoryRef(code, level))) {
            throw new InvalidParameterException(parameter, "invalid.parameter.dashboard-territory", value);
        }
        return code;
    }

    static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            // Without case, as the rankings' filters read them: ?family=public is the filter a person typed.
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.oneOf(parameter, value,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
