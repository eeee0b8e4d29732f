package fr.labos.partenariats.profile.actor.api;

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

/** A facilitator (for its territories) or an admin registers many actors at once from a spreadsheet saved as CSV. */
@RestController
class ActorImportController {

    static final String PATH = "/api/actors/import";
    private static final String EXAMPLE = """
            nom;type;commune;thèmes;ODD;description;contact nom;contact courriel;contact téléphone
            Ressourcerie du Vercors;association;38225;environnement et biodiversité, emploi et insertion;12;\
            Collecte et réemploi;Camille Martin;camille.martin@example.org;04 76 00 00 00""";

    private final ActorImport actorImport;
    private final Problems problems;

    ActorImportController(ActorImport actorImport, Problems problems) {
        this.actorImport = actorImport;
        this.problems = problems;
    }

    @Operation(summary = "Importer des acteurs depuis un fichier CSV (tout ou rien)", description = """
            The body is the CSV file itself (Content-Type: text/csv), as French Excel saves it: UTF-8 with or \
            without a byte order mark (or Windows-1252), `;` between fields, a header line. Columns: `nom`, `type` \
            (code or French label), `commune` (INSEE code) required; `thèmes`, `ODD` (several separated by `,` or \
            `|`), `description`, `contact nom`, `contact courriel`, `contact téléphone` optional. A code a \
            spreadsheet took for a number gets back the zero it dropped: a commune of four digits (`1053` is \
            `01053`, when that code exists), a phone of nine digits not starting with 0 (`476000000` is \
            `0476000000`): write a foreign number with its `+` and country code. Every line is \
            checked first: one faulty line and nothing is written, the 400 problem lists the lines' problems \
            (`errors[].field` = « ligne N, colonne », N the row a spreadsheet shows; the first 100, then « … et N \
            autres erreurs »); a filled cell under no named column is refused. At most 1000 filled lines, faulty or \
            not. One import at a time: another one under way answers 409 at once, writing nothing. An import that \
            runs longer than a transaction of the event store may stay open (`lab.event-store.longest-transaction`, \
            2 minutes by default) is stopped and writes nothing: 503 with Retry-After, whose detail says to split \
            the file. An actor already registered with the same name at the same \
            commune is reported as already registered, not registered again: a second import of the same file \
            registers nothing. Facilitators import actors of their territories only (403 naming the lines \
            otherwise), admins anywhere; the importer does not become a member of the actors it registers, as when \
            a facilitator or an admin registers one by one: it acts for them through its role, while it lasts.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", example = EXAMPLE)))
    @PostMapping(path = PATH, consumes = "text/csv")
    ActorImport.Report importActors(@AuthenticationPrincipal LabPrincipal principal, @RequestBody byte[] file) {
        return actorImport.run(principal, file);
    }

    /** Every problem of the file, in the order of its lines. */
    @ExceptionHandler(ActorCsv.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(ActorCsv.Rejected rejected, HttpServletRequest request) {
        ProblemDetail problem = problems.invalidAsListed(request, rejected.problems());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
