package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.CloseSessionCommand;
import fr.labos.partenariats.schema.session.MarkParticipantAbsentCommand;
import fr.labos.partenariats.schema.session.RegisterLateArrivalCommand;
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
    private final Replans replans;

    SessionLiveController(CommandGateway commands, SessionReader sessions, SessionAccess access,
                          SessionScheduling scheduling, Replans replans) {
        this.commands = commands;
        this.sessions = sessions;
        this.access = access;
        this.scheduling = scheduling;
        this.replans = replans;
    }

    /**
     * A participant marked absent before the first round who arrives after all (the absence re-planned the rounds
     * without them) is planned back in: the re-plan computed first, as for a late arrival, then the check-in written,
     * then the re-plan. When the check-in was written but its re-plan was not (a failure in between), the participant
     * sits at no table: asking again re-plans instead of answering that it has arrived already.
     */
    @PostMapping("/check-ins")
    ResponseEntity<Void> checkIn(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                 @Valid @RequestBody SessionRequests.Presence request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        String actor = request.actorId();
        if (session.checkedInUnseated(actor) && session.replannable()) {
            replans.write(sessionId, session, scheduling.replan(session), "arrivée de " + actor
                    + ", noté absent avant le premier tour");
            return ResponseEntity.noContent().build();
        }
        Schedule replanned = session.replannable() && session.roundsStarted() == 0 && session.absent().contains(actor)
                && session.participants().containsKey(actor)
                ? scheduling.replan(session, session.presentWith(actor), session.availableTables()) : null;
        commands.sendAndWait(new CheckInParticipantCommand(sessionId, actor));
        if (replanned != null) replans.write(sessionId, session, replanned, "arrivée de " + actor + ", noté absent avant le premier tour");
        return ResponseEntity.noContent().build();
    }

    /**
     * The re-plan is computed before the absence is written: when it cannot be (the index still loading), nothing is
     * written and the facilitator asks again. When the absence was written but its re-plan was not (refused in a race
     * with another change, or a failure in between), the schedule still seats someone absent in the rounds to come and
     * the session refuses every adjustment until it is re-planned: asking again then re-plans instead of answering
     * that the participant is already absent.
     */
    @PostMapping("/absences")
    ResponseEntity<Void> absent(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                @Valid @RequestBody SessionRequests.Presence request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        String actor = request.actorId();
        String reason = "absence de " + actor;
        if (session.absentSeated(actor)) {
            replans.write(sessionId, session, scheduling.replan(session), reason);
            return ResponseEntity.noContent().build();
        }
        // Only for an absence the session will take: one it refuses is answered as such, not after a re-plan.
        Schedule replanned = session.replannable() && session.participants().containsKey(actor)
                && !session.absent().contains(actor)
                ? scheduling.replan(session, session.presentWithout(actor), session.availableTables()) : null;
        commands.sendAndWait(new MarkParticipantAbsentCommand(sessionId, actor));
        if (replanned != null) replans.write(sessionId, session, replanned, reason);
        return ResponseEntity.noContent().build();
    }

    /**
     * As for an absence: the re-plan first, and a late arrival already written whose re-plan was not (the rounds to
     * come do not seat the participant) is re-planned when asked again.
     */
    @PostMapping("/late-arrivals")
    ResponseEntity<Void> late(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                              @Valid @RequestBody SessionRequests.Presence request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        String actor = request.actorId();
        String reason = "arrivée en retard de " + actor;
        if (session.arrivedLateUnseated(actor) && session.replannable()) {
            replans.write(sessionId, session, scheduling.replan(session), reason);
            return ResponseEntity.noContent().build();
        }
        // Planned in again: one marked absent (taken out of the rounds to come), or one not seated in them. One only
        // registered and never checked in is still seated: its meetings wait for it, and a re-plan would undo the hand
        // changes not locked and move tables already printed.
        boolean arrives = session.participants().containsKey(actor) && session.roundsStarted() > 0
                && (session.absent().contains(actor)
                || !session.checkedIn().contains(actor) && !session.seatsLater(actor));
        Schedule replanned = session.replannable() && arrives
                ? scheduling.replan(session, session.presentWith(actor), session.availableTables()) : null;
        commands.sendAndWait(new RegisterLateArrivalCommand(sessionId, actor));
        if (replanned != null) replans.write(sessionId, session, replanned, reason);
        return ResponseEntity.noContent().build();
    }

    /** The round starts, its meetings held (all but those of a participant absent then), in one command. */
    @PostMapping("/rounds/{round}/start")
    ResponseEntity<Void> startRound(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                    @PathVariable int round) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new StartRoundCommand(sessionId, round));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/close")
    ResponseEntity<Void> close(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new CloseSessionCommand(sessionId));
        return ResponseEntity.noContent().build();
    }
}
