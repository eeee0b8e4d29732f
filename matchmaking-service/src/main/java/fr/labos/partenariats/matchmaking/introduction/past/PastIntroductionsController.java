package fr.labos.partenariats.matchmaking.introduction.past;

import fr.labos.partenariats.matchmaking.csv.SpreadsheetCsv;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.problem.Problems;
import fr.labos.partenariats.platform.security.LabPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/introductions/past}: a lab brings the introductions it made before it kept them here, from its
 * spreadsheet ({@link PastIntroductionsImport}), so that its dashboards and its actors' inboxes start with its history.
 */
@RestController
class PastIntroductionsController {

    private final PastIntroductionsImport imports;
    private final Problems problems;

    PastIntroductionsController(PastIntroductionsImport imports, Problems problems) {
        this.imports = imports;
        this.problems = problems;
    }

    @Operation(summary = "Reprendre l'historique des mises en relation d'un labo (CSV)",
            description = "Un fichier CSV en UTF-8 (avec ou sans BOM) ou en Windows-1252, séparé par des points-virgules "
                    + "comme l'écrit Excel (« CSV UTF-8 » ou « CSV (séparateur : point-virgule) ») : une ligne "
                    + "d'en-tête puis une mise en relation passée par ligne, "
                    + "1 000 au plus. Colonnes : `acteur` et `partenaire` (identifiant ou nom ; un nom porté par "
                    + "plusieurs acteurs est refusé avec leurs identifiants), `proposée le`, puis `acceptée le`, ou "
                    + "`déclinée le` avec `déclinée par` (identifiant, nom, ou `acteur` / `partenaire`) "
                    + "et `raison du refus` ; `rencontre le` ; `suite` (pas de suite, suite prévue, partenariat "
                    + "conclu) avec `suite le`, et pour un partenariat `forme` et `catégorie` ; `fin du partenariat "
                    + "le` ; `note`. Dates jj/mm/aaaa ou aaaa-mm-jj. Sans réponse et passée son délai de réponse, "
                    + "une mise en relation est reprise expirée. Tout ou rien : une ligne refusée donne un 400 qui "
                    + "nomme chaque ligne, colonne et raison (un 403 pour des acteurs hors de vos territoires), et "
                    + "rien n'est écrit. Le même fichier envoyé à nouveau ne reprend que ce qui ne l'est pas encore. "
                    + "Pour les animateurs (une des deux parties dans leurs territoires) et les administrateurs.")
    @PostMapping(path = "/api/introductions/past", consumes = {"text/csv", "text/plain"})
    PastIntroductionsImport.ImportReport importPast(
            @AuthenticationPrincipal LabPrincipal principal,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = PastIntroductionsCsv.HEADER
                    + "\r\nactor-1;actor-2;15/09/2025;22/09/2025;;;;06/10/2025;partenariat conclu;12/12/2025;"
                    + "apport de ressources;un financement;;Présentés au forum\r\n")))
            @RequestBody byte[] body) {
        try {
            return imports.importFile(principal, body);
        } catch (SpreadsheetCsv.Unreadable unreadable) {
            throw new PastIntroductionsImport.FileRefused(List.of(new FieldProblem("fichier", unreadable.getMessage())));
        }
    }

    /** A 400 whose {@code errors} name each refused line and column, in the file's order. */
    @ExceptionHandler(PastIntroductionsImport.FileRefused.class)
    ResponseEntity<ProblemDetail> refused(PastIntroductionsImport.FileRefused refused, HttpServletRequest request) {
        ProblemDetail problem = problems.invalidAsListed(request, refused.problems);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
