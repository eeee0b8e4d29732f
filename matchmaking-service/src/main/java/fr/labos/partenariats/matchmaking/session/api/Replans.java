package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.AbsentParticipantSeated;
import fr.labos.partenariats.matchmaking.session.command.LostTableSeated;
import fr.labos.partenariats.matchmaking.session.command.ScheduleChangedMeanwhile;
import fr.labos.partenariats.matchmaking.session.command.StartedRoundChanged;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.matchmaking.session.schedule.Schedule;
import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the re-plan a live change calls for (an absence, an arrival, a table lost), computed from the session as it
 * was read. Two changes at the desk at once — or a change while a round starts on another device — each compute
 * theirs from the same reading: written as they are, the second would undo the first (a late arrival left without
 * meetings, an absent participant still seated, a lock set meanwhile gone). So each re-plan names the schedule's
 * version it was computed from, and one the session refuses for having moved on is computed again from the session
 * as it now is, which already holds every change written, and written again.
 */
@Component
class Replans {

    private static final Logger LOG = LoggerFactory.getLogger(Replans.class);

    /** A change's re-plan is written at most this many times in all: each new attempt follows another change written. */
    private static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final SessionReader sessions;
    private final SessionScheduling scheduling;

    Replans(CommandGateway commands, SessionReader sessions, SessionScheduling scheduling) {
        this.commands = commands;
        this.sessions = sessions;
        this.scheduling = scheduling;
    }

    /** Writes {@code replanned}, computed from {@code readFrom}, or a re-plan of the session as it now is. */
    void write(String sessionId, SessionState readFrom, Schedule replanned, String reason) {
        Schedule schedule = replanned;
        int basedOn = readFrom.version();
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(new AdjustScheduleCommand(sessionId, schedule.meetings(), schedule.objective(),
                        reason, basedOn));
                return;
            } catch (RuntimeException refused) {
                if (attempt == ATTEMPTS || !movedOn(refused)) {
                    throw refused;
                }
                LOG.info("Session {} : re-plan computed again ({})", sessionId, refused.getMessage());
                SessionState now = sessions.read(sessionId);
                if (!now.replannable()) {
                    return; // nothing left to re-plan
                }
                schedule = scheduling.replan(now);
                basedOn = now.version();
            }
        }
    }

    /**
     * Refused because the session moved on since it was read, not for what the re-plan is: a schedule written meanwhile,
     * or a presence or a table recorded meanwhile (they leave the schedule's version as it was).
     */
    private static boolean movedOn(Throwable refused) {
        return refusedFor(refused, ScheduleChangedMeanwhile.class, AbsentParticipantSeated.class, LostTableSeated.class,
                StartedRoundChanged.class);
    }

    /** Whether the refusal, or one of its causes (the command bus may wrap it), is one of these. */
    @SafeVarargs
    static boolean refusedFor(Throwable refused, Class<? extends Throwable>... reasons) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> reason : reasons) {
                if (reason.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
