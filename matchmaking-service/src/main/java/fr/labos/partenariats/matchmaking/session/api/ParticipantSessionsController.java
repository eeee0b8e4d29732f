package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.projection.ActorEntry;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.platform.security.LabPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sessions a member's organisations take part in: {@code GET /api/sessions} lists those one runs, and a member
 * runs none, yet it may read the schedule and the calendar of each session one of its actors is registered at. This
 * list is how it finds them.
 *
 * <p>A session is listed when the principal acts for one of its participants, the rule by which
 * {@link SessionAccess#checkSees} lets a participant's member see a session: every session listed here answers its
 * schedule to the same principal. It says nothing of the other participants, nor of the wishes.
 */
@RestController
class ParticipantSessionsController {

    private final SessionReader sessions;
    private final SessionDirectory directory;
    private final ActorAccess actors;

    ParticipantSessionsController(SessionReader sessions, SessionDirectory directory, ActorAccess actors) {
        this.sessions = sessions;
        this.directory = directory;
        this.actors = actors;
    }

    /**
     * A session one of the principal's actors takes part in, with those actors ({@code actors}: what its schedule and
     * its calendars are read for). {@code date} and {@code startsAt} are the local time of {@code timeZone}, the
     * session's territory's, as in {@code GET /api/sessions}.
     */
    record ParticipantSession(String id, String title, String place, LocalDate date, LocalTime startsAt,
                              String timeZone, int rounds, int minutesPerRound, boolean published, int roundsStarted,
                              boolean closed, List<Participant> actors) {
    }

    record Participant(String actorId, String name) {
    }

    /** The sessions where the principal acts for a participant, latest date first (as the sessions one runs). */
    @GetMapping("/api/me/sessions")
    @Operation(operationId = "sessionsOfMyActors",
            summary = "Les sessions de rencontres express où l'on représente un participant, avec ces participants")
    List<ParticipantSession> list(@AuthenticationPrincipal LabPrincipal principal) {
        return directory.plannedSessions().stream().distinct()
                .map(planned -> sessions.read(planned.sessionId(), planned.lastSequence()))
                .map(session -> takenPartIn(principal, session))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ParticipantSession::date).thenComparing(ParticipantSession::startsAt)
                        .reversed())
                .toList();
    }

    /** The session with the participants the principal acts for, or nothing when it acts for none of them. */
    private Optional<ParticipantSession> takenPartIn(LabPrincipal principal, SessionState session) {
        if (session.participants().isEmpty()) return Optional.empty();
        // Its participants read in one query, as SessionAccess reads them to decide who sees the session.
        List<Participant> mine = actors.read(session.participants().keySet()).values().stream()
                .filter(actor -> actors.mayActFor(principal, actor))
                .map(actor -> new Participant(actor.id(), name(actor)))
                .sorted(Comparator.comparing(Participant::name))
                .toList();
        if (mine.isEmpty()) return Optional.empty();
        return Optional.of(new ParticipantSession(session.sessionId(), session.title(), session.place(),
                session.date(), session.startsAt(), session.zone().getId(), session.rounds(),
                session.minutesPerRound(), session.published(), session.roundsStarted(), session.closed(), mine));
    }

    private static String name(ActorEntry actor) {
        return actor.name() == null || actor.name().isBlank() ? actor.id() : actor.name();
    }
}
