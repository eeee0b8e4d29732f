package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.ScheduleChangedMeanwhile;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import fr.labos.partenariats.schema.session.RecordTableLostCommand;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Adjusting a schedule by hand: move a meeting to a free place, swap two meetings, lock or unlock one (re-plans after
 * an absence, a late arrival or a table lost keep locked meetings in their round); and a table lost, which re-plans
 * the rounds not started without it. Facilitators of the session's territory and admins only; rounds that started
 * never change; a refused change writes nothing.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}")
class SessionAdjustmentController {

    private final CommandGateway commands;
    private final SessionReader sessions;
    private final SessionAccess access;
    private final ParticipantNames names;
    private final SessionScheduling scheduling;
    private final Replans replans;

    SessionAdjustmentController(CommandGateway commands, SessionReader sessions, SessionAccess access,
                                ParticipantNames names, SessionScheduling scheduling, Replans replans) {
        this.commands = commands;
        this.sessions = sessions;
        this.access = access;
        this.names = names;
        this.scheduling = scheduling;
        this.replans = replans;
    }

    /** The number of a table that can no longer be used. */
    record TableLost(@NotNull Integer table) {
    }

    /** Answers the schedule as it now stands (200, not 201: nothing new is created). */
    @PostMapping("/schedule/adjustments")
    @Operation(summary = "Déplacer, échanger, verrouiller ou déverrouiller une rencontre du planning, à la main")
    ScheduleView adjust(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                        @Valid @RequestBody ScheduleAdjustment.Request request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        // A hand change is the facilitator's, on the schedule it saw, never applied to another: refused (409) if the
        // schedule changed since the page showed it, or since it was read here.
        Integer seen = request.basedOnVersion();
        if (seen != null && seen != session.version()) {
            throw new ScheduleChangedMeanwhile(seen, session.version());
        }
        List<ScheduledMeeting> meetings = ScheduleAdjustment.apply(session, request, names.of(session));
        commands.sendAndWait(new AdjustScheduleCommand(sessionId, meetings, session.objective(),
                ScheduleAdjustment.reason(request), session.version()));
        SessionState adjusted = sessions.read(sessionId);
        return ScheduleView.of(adjusted, names.of(adjusted));
    }

    /**
     * The table can no longer be used: once a schedule exists, the rounds not started are planned again on the tables
     * left, keeping the meetings held and, in their round, the locks (a lock of that table moves to a free table).
     * The re-plan is computed before the loss is written: when it cannot be (the index still loading), nothing is
     * written. When the loss was written but its re-plan was not (refused in a race, or a failure in between), the
     * rounds to come still use the lost table and the session refuses every adjustment until they are re-planned:
     * asking again then re-plans instead of answering that the table is already withdrawn.
     */
    @PostMapping("/tables-lost")
    @Operation(summary = "Retirer une table : les tours non commencés sont re-planifiés sans elle")
    ResponseEntity<Void> tableLost(@AuthenticationPrincipal LabPrincipal principal, @PathVariable String sessionId,
                                   @Valid @RequestBody TableLost request) {
        SessionState session = sessions.read(sessionId);
        access.checkRuns(principal, session);
        int table = request.table();
        String reason = "table " + table + " retirée";
        boolean replanning = session.version() > 0 && session.roundsStarted() < session.rounds();
        if (replanning && session.lostTables().contains(table) && session.usesLater(table)) {
            replans.write(sessionId, session, scheduling.replan(session), reason);
            return ResponseEntity.noContent().build();
        }
        // Only for a loss the session will take: one it refuses is answered as such, not after a re-plan.
        boolean taken = table >= 1 && table <= session.tables() && !session.lostTables().contains(table)
                && session.lostTables().size() + 1 < session.tables();
        Schedule replanned = replanning && taken
                ? scheduling.replan(session, session.present(), session.availableTablesWithout(table)) : null;
        commands.sendAndWait(new RecordTableLostCommand(sessionId, table));
        if (replanned != null) replans.write(sessionId, session, replanned, reason);
        return ResponseEntity.noContent().build();
    }

}
