package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.csv.SpreadsheetCsv;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.projection.ActorsByName;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.matchmaking.session.command.SessionRules;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.platform.problem.FieldProblem;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.platform.problem.Problems;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.session.RegisterParticipantsCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Importing a session's participant list as CSV ({@link ParticipantListCsv}), for the facilitators of its territory
 * and the admins. All or nothing: every line is resolved to an actor of the matching projection (by its id, or by
 * its name when it is the only actor to bear it) before anything is registered, and a single line that cannot be, or
 * that names an actor the principal may not act for ({@link ActorAccess#mayActFor}, as registering one participant),
 * gives a 400 naming each such line and why, in French, with nobody registered; the others are then registered in one
 * command, so that the session's rules take all of them or none. An actor already registered, or named twice in the
 * file, is reported as such, not refused: importing the same list again registers nobody new.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}/participants/import")
class SessionImportController {

    private final CommandGateway commands;
    private final SessionReader sessions;
    private final SessionAccess access;
    private final ProjectionReader projection;
    private final ActorAccess actors;
    private final Problems problems;

    SessionImportController(CommandGateway commands, SessionReader sessions, SessionAccess access,
                            ProjectionReader projection, ActorAccess actors, Problems problems) {
        this.commands = commands;
        this.sessions = sessions;
        this.access = access;
        this.projection = projection;
        this.actors = actors;
        this.problems = problems;
    }

    /** What became of one line of the file. */
    enum Result {
        REGISTERED("inscrit"),
        ALREADY_REGISTERED("déjà inscrit à la session"),
        DUPLICATE("déjà sur une ligne précédente du fichier");

        private final String label;

        Result(String label) {
            this.label = label;
        }
    }

    record LineResult(int line, String actorId, String name, Result result, String label) {
    }

    record ImportReport(int registered, int alreadyRegistered, int duplicates, List<LineResult> lines) {
    }

    /** Lines of the file that name no actor the service knows, each with its reason. */
    static final class ListRefused extends RuntimeException {
        private final transient List<FieldProblem> lines;

        ListRefused(List<FieldProblem> lines) {
            super(lines.size() + " lines refused");
            this.lines = List.copyOf(lines);
        }
    }

    @Operation(summary = "Importer la liste des participants d'une session (CSV)",
            description = "Un fichier CSV en UTF-8 (avec ou sans BOM) ou en Windows-1252, séparé par des points-virgules "
                    + "comme l'écrit Excel (« CSV UTF-8 » ou « CSV (séparateur : point-virgule) ») : une ligne "
                    + "d'en-tête puis un participant par ligne. Colonnes : "
                    + "`identifiant` (l'identifiant de l'acteur) ou `nom` (son nom exact, s'il est le seul à le "
                    + "porter), et `organisation` (facultative) ; le nom et l'organisation comptent au plus "
                    + SessionRules.MAX_TEXT + " caractères, l'identifiant " + SessionRules.MAX_ID + ". Tout ou rien : une ligne qui ne désigne pas un "
                    + "acteur connu donne un 400 qui nomme chaque ligne et sa raison, et personne n'est inscrit. Un "
                    + "acteur déjà inscrit, ou en double dans le fichier, est signalé, pas refusé. Pour les animateurs "
                    + "du territoire de la session et les administrateurs ; un animateur n'inscrit que les acteurs "
                    + "de ses territoires (ou dont il est membre), une autre ligne est refusée.")
    @PostMapping(consumes = {"text/csv", "text/plain"})
    ImportReport importList(
            @AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string",
                    example = "identifiant;nom;organisation\r\nactor-1;Tremplin Insertion;\r\n")))
            @RequestBody byte[] body) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        List<ParticipantListCsv.Line> lines;
        try {
            lines = ParticipantListCsv.read(body);
        } catch (SpreadsheetCsv.Unreadable unreadable) {
            throw new ListRefused(List.of(new FieldProblem("fichier", unreadable.getMessage())));
        }
        ActorsByName byName = ActorsByName.of(lines.stream().anyMatch(l -> l.actorId() == null) ? projection.allActors()
                : List.of());
        // The actors named by id, in one query rather than one per line.
        Map<String, ActorEntry> byId = projection.actors(lines.stream().map(ParticipantListCsv.Line::actorId)
                .filter(id -> id != null && id.length() <= SessionRules.MAX_ID).collect(Collectors.toSet()));
        Set<String> registered = session.participants().keySet();
        List<FieldProblem> refused = new ArrayList<>();
        List<LineResult> results = new ArrayList<>();
        List<RegisterParticipantsCommand.Participant> toRegister = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParticipantListCsv.Line line : lines) {
            if (tooLong(line, refused)) continue;
            ActorEntry actor = resolve(line, byId, byName, refused);
            if (actor == null) continue;
            Result result = !seen.add(actor.id()) ? Result.DUPLICATE
                    : registered.contains(actor.id()) ? Result.ALREADY_REGISTERED : Result.REGISTERED;
            // As registering one participant: each meeting held at the session is accepted in both participants'
            // names, so the list registers only actors the principal may act for. One registered already (by an
            // admin, say) is left as it is: the same list imported again still registers nobody.
            if (result == Result.REGISTERED && !actors.mayActFor(principal, actor)) {
                refused.add(new FieldProblem("ligne " + line.number(), "« " + actor.name() + " » n'est pas dans les "
                        + "territoires que vous animez : seul un animateur de son territoire ou un administrateur "
                        + "l'inscrit à une session"));
                continue;
            }
            if (result == Result.REGISTERED) {
                toRegister.add(new RegisterParticipantsCommand.Participant(actor.id(), line.organisation()));
            }
            results.add(new LineResult(line.number(), actor.id(), actor.name(), result, result.label));
        }
        if (!refused.isEmpty()) throw new ListRefused(refused);
        if (!toRegister.isEmpty()) {
            commands.sendAndWait(new RegisterParticipantsCommand(sessionId, toRegister));
        }
        // 200 with the report: registering participants creates nothing with an address of its own.
        return new ImportReport(count(results, Result.REGISTERED), count(results, Result.ALREADY_REGISTERED),
                count(results, Result.DUPLICATE), results);
    }

    /**
     * Cells longer than the JSON API takes ({@link SessionRequests}): the organisation is copied into the session's
     * events, and one event too large would never reach the topic. Each such cell is named by its line and column.
     */
    private static boolean tooLong(ParticipantListCsv.Line line, List<FieldProblem> refused) {
        int before = refused.size();
        checkLength(line, "identifiant", line.actorId(), SessionRules.MAX_ID, refused);
        checkLength(line, "nom", line.name(), SessionRules.MAX_TEXT, refused);
        checkLength(line, "organisation", line.organisation(), SessionRules.MAX_TEXT, refused);
        return refused.size() > before;
    }

    private static void checkLength(ParticipantListCsv.Line line, String column, String cell, int max,
                                    List<FieldProblem> refused) {
        if (cell != null && cell.length() > max) {
            refused.add(new FieldProblem("ligne " + line.number() + ", " + column, "la colonne « " + column
                    + " » compte au plus " + max + " caractères (ici " + cell.length() + ")"));
        }
    }

    private static ActorEntry resolve(ParticipantListCsv.Line line, Map<String, ActorEntry> byId,
                                      ActorsByName byName, List<FieldProblem> refused) {
        String field = "ligne " + line.number();
        if (line.actorId() != null) {
            ActorEntry known = byId.get(line.actorId());
            ActorEntry actor = known == null || known.name() == null ? null : known;
            if (actor == null) {
                refused.add(new FieldProblem(field, "aucun acteur n'a l'identifiant « " + line.actorId() + " »"));
            }
            return actor;
        }
        if (line.name() == null) {
            refused.add(new FieldProblem(field, "ni identifiant ni nom d'acteur"));
            return null;
        }
        List<ActorEntry> named = byName.named(line.name());
        if (named.isEmpty()) {
            refused.add(new FieldProblem(field, "aucun acteur ne s'appelle « " + line.name() + " »"));
            return null;
        }
        if (named.size() > 1) {
            refused.add(new FieldProblem(field, ActorsByName.ambiguous(line.name(), named)));
            return null;
        }
        return named.get(0);
    }

    private static int count(List<LineResult> results, Result result) {
        return (int) results.stream().filter(r -> r.result() == result).count();
    }

    /** A 400 whose {@code errors} name each refused line, in the file's order. */
    @ExceptionHandler(ListRefused.class)
    ResponseEntity<ProblemDetail> refused(ListRefused refused, HttpServletRequest request) {
        List<FieldProblem> lines = refused.lines;
        ProblemDetail problem = problems.of(ProblemTypes.INVALID_INPUT, request, "session.import.refused",
                lines.size(), Problems.summary(lines, ProblemMessages.localeOf(request)));
        problem.setProperty("errors", lines);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
