package fr.labos.partenariats.matchmaking.session.introductions;

import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * From meeting to introduction: each meeting held at a session becomes an introduction with source SPEED_MEETING,
 * accepted by both sides, whose outcome is then followed like any other. A tracking processor of its own, so that a
 * meeting held while the service was down is introduced on restart; the introduction's id is derived from the session
 * and the pair, so that a meeting handled twice makes one introduction.
 */
@Component
@ProcessingGroup(SpeedMeetingIntroductions.PROCESSOR)
class SpeedMeetingIntroductions {

    static final String PROCESSOR = "speed-meeting-introductions";

    private final CommandGateway commands;
    private final EventStore events;

    SpeedMeetingIntroductions(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(SessionMeetingHeldEvent held) {
        SessionState session = new SessionState();
        events.readEvents(held.sessionId()).asStream().forEach(message -> session.apply(message.getPayload()));
        ScheduledMeeting meeting = session.schedule().stream()
                .filter(m -> m.round() == held.round() && m.brings(held.actorId(), held.partnerActorId()))
                .findFirst().orElse(null);
        MatchSnapshot match = meeting == null ? null
                : new MatchSnapshot(null, Math.min(1, Math.max(0, meeting.weight())), Map.of(), meeting.explanation());
        String note = "Rencontre express « " + session.title() + " », tour " + held.round() + ", table "
                + held.table();
        String place = (session.place() == null ? "" : session.place() + " — ") + "table " + held.table();
        try {
            commands.sendAndWait(new IntroduceAfterSpeedMeetingCommand(introductionId(held), held.sessionId(),
                    held.round(), held.actorId(), held.partnerActorId(), held.heldAt(), place, match,
                    new Proposer(session.facilitatorSubject(), "FACILITATOR"), note));
        } catch (AggregateStreamCreationException alreadyIntroduced) {
            // This meeting was handled before (a replay, or a redelivery after a crash): its introduction exists.
        }
    }

    /** The same for the same meeting, whichever way round the pair is named. */
    static String introductionId(SessionMeetingHeldEvent held) {
        String a = held.actorId().compareTo(held.partnerActorId()) < 0 ? held.actorId() : held.partnerActorId();
        String b = a.equals(held.actorId()) ? held.partnerActorId() : held.actorId();
        return UUID.nameUUIDFromBytes(("speed-meeting|" + held.sessionId() + "|" + a + "|" + b)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
