package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.access.ActorAccess;
import fr.labos.partenariats.matchmaking.session.command.ScheduleChangedMeanwhile;
import fr.labos.partenariats.matchmaking.session.command.SessionRules;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.session.ExpressMeetingWishCommand;
import fr.labos.partenariats.schema.session.GenerateScheduleCommand;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.PublishScheduleCommand;
import fr.labos.partenariats.schema.session.RegisterParticipantCommand;
import fr.labos.partenariats.schema.session.WithdrawMeetingWishCommand;
import fr.labos.partenariats.schema.session.WithdrawParticipantCommand;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Preparing a speed-meeting session over HTTP: plan it, register (or withdraw) participants, express (or take back)
 * wishes, generate the schedule and publish it. Who may is checked here ({@link SessionAccess}) before any command is sent; the session's own rules
 * refuse the rest; either way a refused request writes nothing.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    /** A draft is computed again at most this many times in all: each new attempt follows another change written. */
    private static final int GENERATION_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final SessionReader sessions;
    private final SessionAccess access;
    private final ActorAccess actors;
    private final SessionScheduling scheduling;
    private final ParticipantNames names;

    SessionController(CommandGateway commands, SessionReader sessions, SessionAccess access, ActorAccess actors,
                      SessionScheduling scheduling, ParticipantNames names) {
        this.names = names;
        this.commands = commands;
        this.sessions = sessions;
        this.access = access;
        this.actors = actors;
        this.scheduling = scheduling;
    }

    @PostMapping
    ResponseEntity<SessionRequests.Created> plan(@AuthenticationPrincipal LabPrincipal principal,
                                                 @Valid @RequestBody SessionRequests.Plan request) {
        // Before who may plan there: an unknown territory is a 400 for everyone, not a 403 for facilitators only.
        SessionRules.checkTerritory(request.territory());
        access.checkMayPlanIn(principal, request.territory());
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new PlanSessionCommand(id, request.title(), request.territory(), request.place(),
                request.date(), request.startsAt(), request.rounds(), request.minutesPerRound(), request.tables(),
                principal.subject()));
        return ResponseEntity.created(URI.create("/api/sessions/" + id)).body(new SessionRequests.Created(id));
    }

    /**
     * Running the session is not enough: each meeting held there becomes an introduction accepted in both
     * participants' names, which opens each one's contact person to the other's members. So the principal registers
     * only an actor it may act for ({@link ActorAccess#actingFor}: an admin any, a facilitator those of its
     * territories and those it is a member of); another one is a 403, and nothing is written.
     */
    @PostMapping("/{sessionId}/participants")
    ResponseEntity<Void> register(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                  @Valid @RequestBody SessionRequests.Participant request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        if (session.participants().containsKey(request.actorId())) {
            actors.existing(request.actorId()); // registered already (by an admin, say): asked again, nothing changes
        } else {
            actors.actingFor(principal, request.actorId());
        }
        commands.sendAndWait(new RegisterParticipantCommand(sessionId, request.actorId(), request.organisation()));
        return ResponseEntity.noContent().build();
    }

    /**
     * A participant that cancels before the schedule is published: its wishes and those naming it no longer count,
     * and a schedule generated before must be generated again before it is published. After publication, mark it
     * absent on the day.
     */
    @Operation(operationId = "withdrawParticipant",
            summary = "Retirer un participant de la session, avant la publication du planning")
    @DeleteMapping("/{sessionId}/participants/{actorId}")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                  @PathVariable String actorId) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new WithdrawParticipantCommand(sessionId, actorId));
        return ResponseEntity.noContent().build();
    }

    /** A facilitator of the session, or a member of the wishing participant. */
    @PostMapping("/{sessionId}/wishes")
    ResponseEntity<Void> wish(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                              @Valid @RequestBody SessionRequests.MeetingWish request) {
        access.checkSeesActingFor(principal, sessions.read(sessionId), request.actorId());
        commands.sendAndWait(new ExpressMeetingWishCommand(sessionId, request.actorId(), request.wishedActorId()));
        return ResponseEntity.noContent().build();
    }

    /**
     * A wish taken back (ticked by mistake), by whom may express it: a facilitator of the session, or a member of the
     * wishing participant. Until the schedule is published, as wishes are expressed; the other side's wish stays.
     */
    @Operation(operationId = "withdrawMeetingWish",
            summary = "Retirer un souhait de rencontre, avant la publication du planning")
    @DeleteMapping("/{sessionId}/wishes/{actorId}/{wishedActorId}")
    ResponseEntity<Void> withdrawWish(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                      @PathVariable String actorId, @PathVariable String wishedActorId) {
        access.checkSeesActingFor(principal, sessions.read(sessionId), actorId);
        commands.sendAndWait(new WithdrawMeetingWishCommand(sessionId, actorId, wishedActorId));
        return ResponseEntity.noContent().build();
    }

    /**
     * The schedule generated: 200, as it replaces the session's schedule (read at /schedule) and creates nothing. The
     * draft is computed from the session as read (its locks, those present, the tables left) and written only on the
     * schedule's version it was computed from: a change written meanwhile (a lock set on another device) is not
     * undone, the draft is computed again from the session as it now is.
     */
    @PostMapping("/{sessionId}/schedule/generate")
    ScheduleView generate(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId) {
        for (int attempt = 1; ; attempt++) {
            SessionState session = sessions.read(sessionId);
            access.checkRuns(principal, session);
            Schedule schedule = scheduling.planBeforePublication(session);
            try {
                commands.sendAndWait(new GenerateScheduleCommand(sessionId, schedule.meetings(), schedule.objective(),
                        session.version()));
                break;
            } catch (RuntimeException refused) {
                if (attempt == GENERATION_ATTEMPTS || !Replans.refusedFor(refused, ScheduleChangedMeanwhile.class)) {
                    throw refused;
                }
            }
        }
        SessionState generated = sessions.read(sessionId);
        return ScheduleView.of(generated, names.of(generated));
    }

    /** Published as the facilitator saw it, when the request names its version (the console does). */
    @PostMapping("/{sessionId}/schedule/publish")
    ResponseEntity<Void> publish(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                 @RequestBody(required = false) SessionRequests.Publication publication) {
        access.checkRuns(principal, sessions.read(sessionId));
        commands.sendAndWait(new PublishScheduleCommand(sessionId,
                publication == null ? null : publication.basedOnVersion()));
        return ResponseEntity.noContent().build();
    }
}
