package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.CloseSessionCommand;
import fr.labos.partenariats.schema.session.MarkParticipantAbsentCommand;
import fr.labos.partenariats.schema.session.RecordSessionMeetingHeldCommand;
import fr.labos.partenariats.schema.session.RegisterLateArrivalCommand;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.StartRoundCommand;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running a session on the day: check-ins, absences and late arrivals (both re-plan the rounds not started, keeping
 * the held meetings and the locks), starting a round (its meetings of two present participants are held), closing.
 * Facilitators of the session's territory and admins only.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}")
class SessionLiveController {

    private final CommandGateway commands;
    private final SessionReader sessions;
    private final SessionAccess access;
    private final SessionScheduling scheduling;

    SessionLiveController(CommandGateway commands, SessionReader sessions, SessionAccess access,
                          SessionScheduling scheduling) {
        this.commands = commands;
        this.sessions = sessions;
        this.access = access;
        this.scheduling = scheduling;
    }

    @PostMapping("/check-ins")
    ResponseEntity<Void> checkIn(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                 @Valid @RequestBody SessionRequests.Presence request) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new CheckInParticipantCommand(sessionId, request.actorId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/absences")
    ResponseEntity<Void> absent(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                @Valid @RequestBody SessionRequests.Presence request) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new MarkParticipantAbsentCommand(sessionId, request.actorId()));
        replan(sessionId, "absence de " + request.actorId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/late-arrivals")
    ResponseEntity<Void> late(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                              @Valid @RequestBody SessionRequests.Presence request) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new RegisterLateArrivalCommand(sessionId, request.actorId()));
        replan(sessionId, "arrivée en retard de " + request.actorId());
        return ResponseEntity.noContent().build();
    }

    /** The round starts; each of its meetings whose two participants are not absent is held. */
    @PostMapping("/rounds/{round}/start")
    ResponseEntity<Void> startRound(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                    @PathVariable int round) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new StartRoundCommand(sessionId, round));
        SessionState session = sessions.read(sessionId);
        for (ScheduledMeeting m : session.schedule()) {
            if (m.round() == round && !session.absent().contains(m.actorId())
                    && !session.absent().contains(m.partnerActorId())) {
                commands.sendAndWait(new RecordSessionMeetingHeldCommand(sessionId, round, m.actorId(),
                        m.partnerActorId()));
            }
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/close")
    ResponseEntity<Void> close(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new CloseSessionCommand(sessionId));
        return ResponseEntity.noContent().build();
    }

    /** Once a schedule exists, the rounds not started are planned again for those present. */
    private void replan(String sessionId, String reason) {
        SessionState session = sessions.read(sessionId);
        if (session.schedule().isEmpty() || session.roundsStarted() >= session.rounds()) return;
        Schedule schedule = scheduling.replan(session);
        commands.sendAndWait(new AdjustScheduleCommand(sessionId, schedule.meetings(), schedule.objective(), reason));
    }
}
