package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.ScheduleNotReady;
import fr.labos.partenariats.matchmaking.session.export.ParticipantCalendar;
import fr.labos.partenariats.matchmaking.session.export.PrintableSchedule;
import fr.labos.partenariats.matchmaking.session.export.ScheduleCsv;
import fr.labos.partenariats.matchmaking.session.export.SessionSheet;
import fr.labos.partenariats.matchmaking.session.pairs.SessionPairs;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.platform.security.LabPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a session shows (the exports set their own content type, whatever the client accepts: a browser or a
 * calendar application rarely asks for exactly text/csv or text/calendar): its schedule (to its facilitators and its participants' members), what the scheduler
 * optimised (the pairs' weights and the pairs set aside, to its facilitators), and the exports for the day.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}")
class SessionViewController {

    private final SessionReader sessions;
    private final SessionAccess access;
    private final SessionScheduling scheduling;
    private final ParticipantNames names;

    SessionViewController(SessionReader sessions, SessionAccess access, SessionScheduling scheduling,
                          ParticipantNames names) {
        this.sessions = sessions;
        this.access = access;
        this.scheduling = scheduling;
        this.names = names;
    }

    /** The pairs' weights and the pairs set aside, with their reasons. */
    record PairWeightsView(List<SessionPairs.Weighed> weighed, List<SessionPairs.SetAside> setAside) {
    }

    @Operation(summary = "Le planning de la session : tours, tables, rencontres, et l'objectif atteint",
            description = "Les animateurs de la session et les administrateurs voient pourquoi chaque rencontre a été "
                    + "planifiée (poids, motif, explication). Les membres d'un participant voient toutes les rencontres "
                    + "(qui rencontre qui, à quelle table, à quel tour), mais le poids, le motif et l'explication d'une "
                    + "rencontre seulement quand elle repose sur un souhait de l'acteur pour lequel ils agissent "
                    + "(réciproque ou non) : ailleurs, ces trois champs sont nuls, pour qu'aucun souhait d'un autre "
                    + "participant ne soit révélé. Les compteurs de l'objectif portent sur toute la session et ne "
                    + "nomment personne. Avant la publication, les membres des participants ne voient que les tours, "
                    + "sans rencontres : le brouillon est aux animateurs.")
    @GetMapping("/schedule")
    ScheduleView schedule(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        SessionState session = sessions.read(sessionId);
        access.checkSees(principal, session);
        if (!session.published() && !access.runs(principal, session)) {
            // A draft is the facilitators' until they publish it: it still moves, and a participant who read it would
            // prepare meetings that may never take place.
            return ScheduleView.notYetPublished(session);
        }
        return ScheduleView.of(session, names.of(session), access.whySeenBy(principal, session));
    }

    @GetMapping("/pair-weights")
    PairWeightsView pairWeights(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        SessionPairs pairs = scheduling.pairs(session);
        return new PairWeightsView(pairs.weighed(), pairs.setAside());
    }

    @Operation(responses = @ApiResponse(responseCode = "200", description = "The schedule as a spreadsheet (attachment)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/schedule.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        return file(ScheduleCsv.write(sheet(session)), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "planning-" + sessionId + ".csv");
    }

    @Operation(responses = @ApiResponse(responseCode = "200",
            description = "The participant's meetings as an iCalendar file (attachment); an event says why the "
                    + "meeting was planned only when it rests on a wish of this participant",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string", format = "binary"))))
    @GetMapping("/participants/{actorId}/calendar.ics")
    ResponseEntity<byte[]> calendar(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                    @PathVariable String actorId) {
        SessionState session = sessions.read(sessionId);
        // Seen by those who see the schedule, for one of its participants they act for: a session's title and
        // timing are not for members of actors outside it, and an actor outside it has no meeting to export.
        access.checkSeesActingFor(principal, session, actorId);
        if (!session.participants().containsKey(actorId)) throw new ParticipantNotFound(sessionId, actorId);
        if (!session.published() && !access.runs(principal, session)) {
            throw new ScheduleNotReady("le planning n'est pas encore publié : les rencontres de chacun seront visibles "
                    + "à sa publication");
        }
        byte[] ics = ParticipantCalendar.write(sheet(session), actorId).getBytes(StandardCharsets.UTF_8);
        return file(ics, new MediaType("text", "calendar", StandardCharsets.UTF_8),
                "rencontres-" + sessionId + "-" + actorId + ".ics");
    }

    @Operation(responses = @ApiResponse(responseCode = "200", description = "The schedule as a page to print; a "
            + "participant's page says why a meeting was planned only when it rests on a wish of this participant",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string"))))
    @GetMapping("/print")
    ResponseEntity<String> print(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(PrintableSchedule.write(sheet(session)));
    }

    /**
     * The session's times are read in its territory's zone, not in the service's clock's (Paris): a session in La
     * Réunion at 09:00 is at 09:00 there in every participant's calendar, not at 09:00 in Paris.
     */
    private SessionSheet sheet(SessionState session) {
        return new SessionSheet(session.sessionId(), session.title(), session.place() == null ? "" : session.place(),
                session.date(), session.startsAt(), session.minutesPerRound(), session.rounds(), session.zone(),
                session.schedule(), session.version(), session.changedAt(), names.everyoneIn(session), session.wishes());
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
