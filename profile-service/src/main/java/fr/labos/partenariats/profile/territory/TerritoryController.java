package fr.labos.partenariats.profile.territory;

import fr.labos.partenariats.schema.common.TerritoryLevel;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * The official territorial reference the profiles are written in, searched by name or code: what the web console
 * offers as one types a commune (« Échirolles » for 38151) and shows beside a code. Public data, read by any signed-in
 * caller; nothing is written.
 */
@RestController
@Validated
class TerritoryController {

    private final TerritoryDirectory directory = TerritoryDirectory.official();
    private final TerritorySearch search = new TerritorySearch(directory);

    /** One territory found: {@code label} is how the console writes it (« Échirolles (38) », « Isère (38) »). */
    record TerritoryFound(TerritoryLevel level, String code, String name,
                          @Schema(description = "Le département où il se trouve (commune, intercommunalité) ; absent au-dessus")
                          Departement departement,
                          String label) {
    }

    record Departement(String code, String name) {
    }

    @Operation(operationId = "findTerritories",
            summary = "Territoires du référentiel officiel, par nom ou par code",
            description = "Le code écrit d'abord, puis les noms égaux aux mots, puis ceux qui commencent par eux, puis "
                    + "ceux dont un mot commence par eux ; à rang égal, le plus grand territoire d'abord (les communes "
                    + "les plus peuplées). Accents, majuscules, traits d'union et apostrophes sont ignorés ; « st » se "
                    + "lit « saint ».")
    @GetMapping("/api/territories")
    List<TerritoryFound> find(
            @Parameter(description = "Un nom ou un début de nom (« echirol »), ou un code (« 38151 », « 38 », « 84 »)")
            @RequestParam @NotBlank @Size(max = 100) String q,
            @Parameter(description = "Un seul niveau : COMMUNE, EPCI, DEPARTEMENT, REGION ou NATIONAL")
            @RequestParam(required = false) TerritoryLevel level,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return search.find(q, Optional.ofNullable(level), limit).stream().map(this::json).toList();
    }

    private TerritoryFound json(TerritorySearch.Found found) {
        Departement departement = found.departement()
                .map(ref -> new Departement(ref.code(), directory.nameOf(ref).orElse(ref.code()))).orElse(null);
        String label = switch (found.level()) {
            case COMMUNE, EPCI -> found.name() + (departement == null ? "" : " (" + departement.code() + ")");
            case DEPARTEMENT -> found.name() + " (" + found.code() + ")";
            case REGION, NATIONAL -> found.name();
        };
        return new TerritoryFound(found.level(), found.code(), found.name(), departement, label);
    }
}
