package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.platform.security.LabPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * What a facilitator prepares and runs sessions with: the sessions it runs, and one session's settings, participants
 * (with their presence on the day) and wishes. Facilitators of the sessions' territories and admins only.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionOverviewController {

    private final SessionReader sessions;
    private final SessionDirectory directory;
    private final SessionAccess access;
    private final ParticipantNames names;

    SessionOverviewController(SessionReader sessions, SessionDirectory directory, SessionAccess access,
                              ParticipantNames names) {
        this.sessions = sessions;
        this.directory = directory;
        this.access = access;
        this.names = names;
    }

    /** The sessions the principal runs, by date (latest first); a 403 for those who run none. */
    @GetMapping
    @Operation(summary = "Les sessions de rencontres express que l'on anime (animateurs du territoire, administrateurs)")
    List<SessionOverview.Summary> list(@AuthenticationPrincipal LabPrincipal principal) {
        access.checkMayRunSessions(principal);
        return directory.plannedSessions().stream().distinct()
                .map(planned -> sessions.read(planned.sessionId(), planned.lastSequence()))
                .filter(session -> access.runs(principal, session))
                .sorted(Comparator.comparing(SessionState::date).thenComparing(SessionState::startsAt).reversed())
                .map(SessionOverview.Summary::of).toList();
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "Une session : réglages, avancement, participants (présence du jour) et souhaits",
            description = "Réservé aux animateurs de la session et aux administrateurs, qui voient tous les souhaits "
                    + "exprimés : un souhait est une préférence confiée à l'animateur, et les membres des participants "
                    + "ne lisent pas cette vue (403).")
    SessionOverview session(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        return SessionOverview.of(session, names.of(session));
    }
}
