package fr.labos.partenariats.matchmaking.session.introductions;

import fr.labos.partenariats.matchmaking.engine.MatchingEngine;
import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionRefused;
import fr.labos.partenariats.matchmaking.introduction.command.OpenPairs;
import fr.labos.partenariats.matchmaking.matching.exclusion.IntroducedPairs;
import fr.labos.partenariats.matchmaking.session.export.SessionSheet;
import fr.labos.partenariats.matchmaking.session.export.WhySeen;
import fr.labos.partenariats.matchmaking.session.pairs.Complementarity;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.matching.IntroduceAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.JoinIntroductionAfterSpeedMeetingCommand;
import fr.labos.partenariats.schema.matching.MatchSnapshot;
import fr.labos.partenariats.schema.matching.Proposer;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * From meeting to introduction: each meeting held at a session becomes an introduction with source SPEED_MEETING,
 * accepted by both sides, whose outcome is then followed like any other; or, when the pair already has an
 * introduction in progress (waiting for answers, or accepted and not closed by an outcome:
 * {@link IntroducedPairs#inProgressBetween}), the meeting joins it (both sides accept if they had not, and the round is
 * its meeting held) rather than opening a second one. A tracking processor of its own, so that a meeting held while
 * the service was down is introduced on restart; its errors propagate, so that a meeting is retried rather than
 * skipped. Handled twice, a meeting makes one introduction: a new one's id is derived from the session and the pair,
 * and an introduction joined ignores a round it already holds.
 */
@Component
@ProcessingGroup(SpeedMeetingIntroductions.PROCESSOR)
class SpeedMeetingIntroductions {

    static final String PROCESSOR = "speed-meeting-introductions";
    private static final Logger log = LoggerFactory.getLogger(SpeedMeetingIntroductions.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final EventStore events;
    private final ObjectProvider<IntroducedPairs> introduced;
    private final OpenPairs openPairs;
    private final MatchingEngine engine;
    private final Clock clock;

    SpeedMeetingIntroductions(CommandGateway commands, EventStore events, ObjectProvider<IntroducedPairs> introduced,
                              OpenPairs openPairs, MatchingEngine engine, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.introduced = introduced;
        this.openPairs = openPairs;
        this.engine = engine;
        this.clock = clock;
    }

    @EventHandler
    void on(SessionMeetingHeldEvent held) {
        SessionState session = new SessionState();
        events.readEvents(held.sessionId()).asStream().forEach(message -> session.apply(message.getPayload()));
        String note = "Rencontre express « " + session.title() + " », tour " + held.round() + ", table "
                + held.table();
        String place = SessionSheet.atTable(session.place(), held.table());
        Optional<String> inProgress = introductionInProgress(held);
        if (inProgress.isPresent()) {
            try {
                commands.sendAndWait(new JoinIntroductionAfterSpeedMeetingCommand(inProgress.get(), held.sessionId(),
                        held.round(), held.actorId(), held.partnerActorId(), held.heldAt(), place, note));
                return;
            } catch (IntroductionRefused closedMeanwhile) {
                // Declined, expired or withdrawn after this instance last heard of it: the meeting makes a new one.
                log.info("Speed meeting {} round {}: introduction {} no longer in progress ({}), a new one is made",
                        held.sessionId(), held.round(), inProgress.get(), closedMeanwhile.getMessage());
            }
        }
        // Handled before (a replay, a token reset): its introduction exists. Asked here, because the command's events
        // are stored with this processor's own unit of work: a second creation would fail at its commit, outside any
        // catch, and the processor would retry it, and stop on it, for ever.
        String introductionId = introductionId(held);
        if (events.lastSequenceNumberFor(introductionId).isPresent()) {
            log.debug("Speed meeting {} round {}: introduction {} made already", held.sessionId(), held.round(), introductionId);
            return;
        }
        ScheduledMeeting meeting = session.schedule().stream()
                .filter(m -> m.round() == held.round() && m.brings(held.actorId(), held.partnerActorId()))
                .findFirst().orElse(null);
        MatchSnapshot match = meeting == null ? null : grounds(meeting, session);
        commands.sendAndWait(new IntroduceAfterSpeedMeetingCommand(introductionId, held.sessionId(),
                held.round(), held.actorId(), held.partnerActorId(), held.heldAt(), place, match,
                new Proposer(session.facilitatorSubject(), "FACILITATOR"), note));
    }

    /**
     * Why the pair met, as the introduction keeps it for both sides to read. A mutual wish both sides still make, and a
     * complementarity, are kept as the schedule says them. A wish of one side alone is that side's private preference
     * ({@link WhySeen}): neither its sentence (« B a demandé à rencontrer A ») nor its weight (the wish bonus) are
     * kept, but the pair's complementarity as the engine weighs it now, as for a meeting planned for it — so that the
     * other side cannot tell the two apart.
     */
    private MatchSnapshot grounds(ScheduledMeeting meeting, SessionState session) {
        // A mutual wish one side took back since the plan was made is one side's wish now: said as such, it would
        // tell the other side of a wish withdrawn.
        boolean oneSided = meeting.reason() == MeetingReason.WISH || meeting.reason() == MeetingReason.MUTUAL_WISH
                && !WhySeen.bothStillWish(session.wishes(), meeting);
        if (oneSided) {
            Complementarity pair = Complementarity.of(engine, meeting.actorId(), meeting.partnerActorId(),
                    LabCalendar.today(clock));
            return new MatchSnapshot(null, score(pair.score()), Map.of(), pair.sentence());
        }
        return new MatchSnapshot(null, score(meeting.weight()), Map.of(), meeting.explanation());
    }

    /** A snapshot's score lies in [0, 1]; a meeting's weight carries a wish bonus on top of the complementarity. */
    private static double score(double weight) {
        return Math.min(1, Math.max(0, weight));
    }

    /**
     * The pair's introduction in progress. It holds a claim on the pair, written with its events in the event store's
     * database: known at once, even when proposed or accepted a moment before the meeting and not yet read back from
     * the topic (it would otherwise not be joined, and the meeting would open a second one). One accepted before the
     * claims lasted past the acceptance holds none: it is known from the introduction events read back from the
     * topic; until this instance has read the topic up to where it stood at start, it cannot tell: the meeting is
     * retried.
     */
    private Optional<String> introductionInProgress(SessionMeetingHeldEvent held) {
        Optional<String> claiming = openPairs.claimedBy(held.actorId(), held.partnerActorId());
        if (claiming.isPresent()) return claiming;
        IntroducedPairs pairs = introduced.getIfAvailable();
        if (pairs == null) return Optional.empty();
        if (!pairs.awaitCaughtUp(CATCH_UP)) {
            throw new IllegalStateException("the introductions are not read back from the topic yet: speed meeting "
                    + held.sessionId() + " round " + held.round() + " waits");
        }
        return pairs.inProgressBetween(held.actorId(), held.partnerActorId());
    }

    /** The same for the same meeting, whichever way round the pair is named. */
    static String introductionId(SessionMeetingHeldEvent held) {
        ActorPair pair = ActorPair.of(held.actorId(), held.partnerActorId());
        return UUID.nameUUIDFromBytes(("speed-meeting|" + held.sessionId() + "|" + pair.first() + "|" + pair.second())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
