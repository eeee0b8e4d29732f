package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Breakdown;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Delays;
import fr.labos.partenariats.matchmaking.dashboard.DashboardViews.Funnel;
import fr.labos.partenariats.matchmaking.matching.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The introduction dashboards, for every signed-in role (viewers included: aggregates only, no names). Each takes the
 * filters of {@link DashboardFilterQuery}; each answers JSON, or CSV for French Excel with {@code ?format=csv} or
 * {@code Accept: text/csv}.
 */
@RestController
class DashboardController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** Introductions by step reached (proposed → accepted → met → follow-up → partnership), with conversion rates. */
    @Operation(summary = "Entonnoir : mises en relation par étape atteinte, taux de passage",
            description = "Chaque étape compte les mises en relation qui l'ont atteinte ou ont atteint une étape "
                    + "suivante (« Rencontre tenue ou au-delà » compte une mise en relation reprise avec un partenariat "
                    + "et sans rencontre datée). Les taux sont calculés sur toutes les propositions de la sélection, y "
                    + "compris celles encore en attente de réponse (pending, statut proposed) : le taux d'acceptation "
                    + "d'une période récente monte à mesure qu'elles reçoivent leur réponse. counts.noFit : les mises "
                    + "en relation dont le dernier résultat est « sans suite » (statut no-fit).")
    @DashboardAnswer(Funnel.class)
    @GetMapping("/api/dashboard/funnel")
    ResponseEntity<Object> funnel(@ParameterObject DashboardFilterQuery filter,
                                  @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        DashboardViews.Funnel funnel = dashboard.funnel(filter.read());
        return answer(funnel, () -> DashboardCsv.funnel(funnel), "entonnoir", format, accept);
    }

    /** By home département of either side, or by région with {@code level=region}. */
    @DashboardAnswer(Breakdown.class)
    @GetMapping("/api/dashboard/territories")
    ResponseEntity<Object> territories(@ParameterObject DashboardFilterQuery filter,
                                       @Parameter(schema = @Schema(allowableValues = {"departement", "region"}))
                                       @RequestParam(defaultValue = "departement") String level,
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean byRegion = switch (level) {
            case "departement" -> false;
            case "region" -> true;
            default -> throw InvalidParameterException.oneOf(
                    "level", level, "departement, region");
        };
        Breakdown breakdown = dashboard.territories(filter.read(), byRegion);
        return answer(breakdown, () -> DashboardCsv.breakdown(breakdown, byRegion ? "Région" : "Département"),
                byRegion ? "regions" : "departements", format, accept);
    }

    /** By the pair of the two sides' actor families. */
    @DashboardAnswer(Breakdown.class)
    @GetMapping("/api/dashboard/family-pairs")
    ResponseEntity<Object> familyPairs(@ParameterObject DashboardFilterQuery filter,
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Breakdown breakdown = dashboard.familyPairs(filter.read());
        return answer(breakdown, () -> DashboardCsv.breakdown(breakdown, "Familles"), "familles", format, accept);
    }

    /** By the resource category of the needs and offers the introductions rest on. */
    @DashboardAnswer(Breakdown.class)
    @GetMapping("/api/dashboard/categories")
    ResponseEntity<Object> categories(@ParameterObject DashboardFilterQuery filter,
                                      @RequestParam(required = false) String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Breakdown breakdown = dashboard.categories(filter.read());
        return answer(breakdown, () -> DashboardCsv.breakdown(breakdown, "Catégorie"), "categories", format, accept);
    }

    /** By the sustainable development goals (ODD) of either side. */
    @DashboardAnswer(Breakdown.class)
    @GetMapping("/api/dashboard/sdgs")
    ResponseEntity<Object> sdgs(@ParameterObject DashboardFilterQuery filter,
                                @RequestParam(required = false) String format,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Breakdown breakdown = dashboard.sdgs(filter.read());
        return answer(breakdown, () -> DashboardCsv.breakdown(breakdown, "ODD"), "odd", format, accept);
    }

    /**
     * Steps taken by week ({@code granularity=week}) or month; {@code from} and {@code to} select the steps by their
     * own day (see {@link DashboardTable#periods}).
     */
    @Operation(summary = "Étapes franchies chaque semaine ou chaque mois",
            description = "Chaque colonne compte les étapes datées de la période : propositions, acceptations, "
                    + "rencontres tenues, suites prévues, partenariats conclus, refus, expirations, retraits, constats "
                    + "« sans suite » ; chaque rencontre tenue et chaque suite enregistrée compte à son jour (deux "
                    + "rencontres d'une même mise en relation comptent deux rencontres), et totalCounts les somme. Ici "
                    + "from et to retiennent chaque étape par son propre jour, quel que soit le jour "
                    + "de la proposition (une mise en relation proposée en décembre et acceptée le 5 janvier compte une "
                    + "acceptation en janvier pour from=2026-01-01) ; les autres tableaux retiennent les mises en "
                    + "relation par leur jour de proposition. Les autres filtres (territoire, famille, catégorie) "
                    + "retiennent les mises en relation comme ailleurs. total : les mises en relation dont au moins une "
                    + "étape est comptée.")
    @DashboardAnswer(Breakdown.class)
    @GetMapping("/api/dashboard/periods")
    ResponseEntity<Object> periods(@ParameterObject DashboardFilterQuery filter,
                                   @Parameter(schema = @Schema(allowableValues = {"week", "month"}))
                                   @RequestParam(defaultValue = "month") String granularity,
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Period period = switch (granularity) {
            case "week" -> Period.WEEK;
            case "month" -> Period.MONTH;
            default -> throw InvalidParameterException.oneOf(
                    "granularity", granularity, "week, month");
        };
        Breakdown breakdown = dashboard.periods(filter.read(), period);
        return answer(breakdown, () -> DashboardCsv.periods(breakdown, period == Period.WEEK ? "Semaine" : "Mois"),
                period == Period.WEEK ? "semaines" : "mois", format, accept);
    }

    /**
     * Median days from proposal to acceptance (introductions made at a speed-meeting session left out: see
     * {@link DashboardViews.Delays}) and from the first meeting to a partnership.
     */
    @Operation(summary = "Délais médians : de la proposition à l'acceptation, de la première rencontre au partenariat",
            description = "proposalToAcceptance : médiane des jours entre la proposition et l'acceptation par les deux "
                    + "parties. Les mises en relation nées d'une rencontre express n'y entrent pas : proposées et acceptées "
                    + "au même instant, une fois les deux acteurs rencontrés à une table, leur acceptation ne répond à "
                    + "aucune proposition et tirerait la médiane vers 0 ; elles comptent dans tous les autres chiffres. "
                    + "Celles reprises de l'historique d'un labo y entrent, aux dates de l'historique. "
                    + "meetingToPartnership : médiane des jours entre la première rencontre tenue et le partenariat "
                    + "conclu (un partenariat daté d'avant cette rencontre n'y entre pas), rencontres express comprises.")
    @DashboardAnswer(Delays.class)
    @GetMapping("/api/dashboard/delays")
    ResponseEntity<Object> delays(@ParameterObject DashboardFilterQuery filter,
                                  @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        DashboardViews.Delays delays = dashboard.delays(filter.read());
        return answer(delays, () -> DashboardCsv.delays(delays), "delais", format, accept);
    }

    private static ResponseEntity<Object> answer(Object json, Supplier<byte[]> csv, String name, String format, String accept) {
        boolean asCsv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw InvalidParameterException.oneOf(
                    "format", format, "json, csv");
        }
        if (!asCsv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mises-en-relation-" + name + ".csv").build().toString())
                .body(csv.get());
    }
}
