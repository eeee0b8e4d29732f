package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.schema.common.LabCalendar;
import fr.labos.partenariats.schema.session.AdjustScheduleCommand;
import fr.labos.partenariats.schema.session.CheckInParticipantCommand;
import fr.labos.partenariats.schema.session.CloseSessionCommand;
import fr.labos.partenariats.schema.session.ExpressMeetingWishCommand;
import fr.labos.partenariats.schema.session.GenerateScheduleCommand;
import fr.labos.partenariats.schema.session.LateArrivalRegisteredEvent;
import fr.labos.partenariats.schema.session.MarkParticipantAbsentCommand;
import fr.labos.partenariats.schema.session.MeetingWishExpressedEvent;
import fr.labos.partenariats.schema.session.MeetingWishWithdrawnEvent;
import fr.labos.partenariats.schema.session.ParticipantCheckedInEvent;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.ParticipantWithdrewEvent;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.PublishScheduleCommand;
import fr.labos.partenariats.schema.session.RecordTableLostCommand;
import fr.labos.partenariats.schema.session.RegisterLateArrivalCommand;
import fr.labos.partenariats.schema.session.RegisterParticipantCommand;
import fr.labos.partenariats.schema.session.RegisterParticipantsCommand;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import fr.labos.partenariats.schema.session.StartRoundCommand;
import fr.labos.partenariats.schema.session.TableLostEvent;
import fr.labos.partenariats.schema.session.WithdrawMeetingWishCommand;
import fr.labos.partenariats.schema.session.WithdrawParticipantCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A speed-meeting session, from its planning to its closing. Participants register and wish to meet each other;
 * the scheduler's draft is generated, adjusted, then published; on the day, participants check in or are marked
 * absent, rounds start in order, meetings are held, and the session closes. Once a round started its meetings stay.
 */
@Aggregate
public class SpeedMeetingSession {

    @AggregateIdentifier
    private String sessionId;
    private int rounds;
    private int tables;
    private final Set<String> participants = new LinkedHashSet<>();
    private final Set<String> wishes = new HashSet<>();
    private final Set<String> checkedIn = new HashSet<>();
    private final Set<String> absent = new HashSet<>();
    /**
     * Who was absent when each round started: their meetings of that round did not take place, even once they arrive
     * (a late arrival joins the rounds to come), so a meeting of theirs asked to be recorded later is refused.
     */
    private final Set<Seat> held = new HashSet<>();
    private final Set<Integer> lostTables = new HashSet<>();
    private List<ScheduledMeeting> schedule;
    private boolean scheduleOutdated;
    private boolean published;
    private int roundsStarted;
    /** Schedules generated or adjusted so far, as the read side counts them ({@code SessionState.version()}). */
    private int scheduleVersion;
    private boolean closed;

    protected SpeedMeetingSession() {
        // for Axon
    }

    @CommandHandler
    public SpeedMeetingSession(PlanSessionCommand command, Clock clock) {
        // The date is the territory's local day, but "today" stays the labs' day in Paris, as for every rule: the
        // check is a guard of two years either way against typing errors, which the day's difference overseas (a few
        // hours around midnight) does not change in substance.
        SessionRules.checkPlan(command, LabCalendar.today(clock));
        apply(new SessionPlannedEvent(command.sessionId(), command.title(), command.territory(), command.place(),
                command.date(), command.startsAt(), command.rounds(), command.minutesPerRound(), command.tables(),
                command.facilitatorSubject(), clock.instant()));
    }

    @CommandHandler
    void handle(RegisterParticipantCommand command, Clock clock) {
        checkBeforePublication();
        SessionRules.require(command.actorId(), "actorId", "un participant est un acteur");
        SessionRules.checkOrganisation(command.organisation());
        if (participants.contains(command.actorId())) throw new AlreadyRegistered(command.actorId());
        checkParticipantsAtMost(participants.size() + 1);
        apply(new ParticipantRegisteredEvent(sessionId, command.actorId(), command.organisation(), clock.instant()));
    }

    /**
     * An imported list: every actor is checked before any is registered, so that one bad entry registers none; those
     * already registered (a list imported again) and those named twice are registered once.
     */
    @CommandHandler
    void handle(RegisterParticipantsCommand command, Clock clock) {
        checkBeforePublication();
        if (command.participants() == null || command.participants().isEmpty()) {
            throw new InvalidSession("participants", "la liste des participants à inscrire est vide");
        }
        for (RegisterParticipantsCommand.Participant participant : command.participants()) {
            SessionRules.require(participant == null ? null : participant.actorId(), "actorId",
                    "un participant est un acteur");
            SessionRules.checkOrganisation(participant.organisation());
        }
        Set<String> afterwards = new HashSet<>(participants);
        command.participants().forEach(participant -> afterwards.add(participant.actorId()));
        checkParticipantsAtMost(afterwards.size());
        Set<String> registering = new HashSet<>(participants);
        for (RegisterParticipantsCommand.Participant participant : command.participants()) {
            if (registering.add(participant.actorId())) {
                apply(new ParticipantRegisteredEvent(sessionId, participant.actorId(), participant.organisation(),
                        clock.instant()));
            }
        }
    }

    /** Registrations stop at {@link SessionRules#MAX_PARTICIPANTS}; a list that would go beyond registers nobody. */
    private void checkParticipantsAtMost(int count) {
        if (count > SessionRules.MAX_PARTICIPANTS) {
            throw new InvalidSession("participants", "une session compte au plus " + SessionRules.MAX_PARTICIPANTS
                    + " participants (ici " + count + ") : répartissez-les en plusieurs sessions");
        }
    }

    @CommandHandler
    void handle(WithdrawParticipantCommand command, Clock clock) {
        checkBeforePublication();
        checkRegistered(command.actorId());
        apply(new ParticipantWithdrewEvent(sessionId, command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(ExpressMeetingWishCommand command, Clock clock) {
        checkBeforePublication();
        checkRegistered(command.actorId());
        checkRegistered(command.wishedActorId());
        if (command.actorId().equals(command.wishedActorId())) {
            throw new InvalidSession("wishedActorId", "un participant ne souhaite pas se rencontrer lui-même");
        }
        if (wishes.contains(wish(command.actorId(), command.wishedActorId()))) {
            throw new AlreadyDone("l'acteur {0} a déjà souhaité rencontrer {1}", command.actorId(),
                    command.wishedActorId());
        }
        boolean mutual = wishes.contains(wish(command.wishedActorId(), command.actorId()));
        apply(new MeetingWishExpressedEvent(sessionId, command.actorId(), command.wishedActorId(), mutual,
                clock.instant()));
    }

    /**
     * A wish ticked by mistake is taken back while wishes may still change, as it was expressed. The other side's wish,
     * if it had one, stays (no longer mutual); the wish may be expressed again.
     */
    @CommandHandler
    void handle(WithdrawMeetingWishCommand command, Clock clock) {
        checkBeforePublication();
        if (!wishes.contains(wish(command.actorId(), command.wishedActorId()))) {
            throw new WishNotExpressed(command.actorId(), command.wishedActorId());
        }
        apply(new MeetingWishWithdrawnEvent(sessionId, command.actorId(), command.wishedActorId(), clock.instant()));
    }

    @CommandHandler
    void handle(GenerateScheduleCommand command, Clock clock) {
        checkBeforePublication();
        checkBasedOnCurrentSchedule(command.basedOnVersion());
        if (participants.size() < 2) {
            throw new ScheduleNotReady("il faut au moins deux participants inscrits pour générer un planning");
        }
        SessionRules.checkSchedule(command.meetings(), participants, rounds, tables);
        checkNoLostTable(command.meetings());
        checkNoAbsentSeated(command.meetings(), 0);
        apply(new ScheduleGeneratedEvent(sessionId, command.meetings(), command.objective(), clock.instant()));
    }

    @CommandHandler
    void handle(AdjustScheduleCommand command, Clock clock) {
        checkNotClosed();
        if (schedule == null) throw new ScheduleNotReady("il n'y a pas encore de planning à ajuster");
        checkBasedOnCurrentSchedule(command.basedOnVersion());
        SessionRules.checkSchedule(command.meetings(), participants, rounds, tables);
        for (int round = 1; round <= roundsStarted; round++) {
            if (!seatsOf(command.meetings(), round).equals(seatsOf(schedule, round))) {
                throw new StartedRoundChanged(round);
            }
        }
        checkNoLostTable(command.meetings());
        checkNoAbsentSeated(command.meetings(), roundsStarted);
        apply(new ScheduleAdjustedEvent(sessionId, command.meetings(), command.objective(), command.reason(),
                clock.instant()));
    }

    /**
     * A schedule computed, or looked at, on the version the session has now: one written over a change made in between
     * (a lock set while the draft was computed, a plan generated again on another device while this one was read)
     * would undo it, or publish what no one looked at. Null: no version named, no check.
     */
    private void checkBasedOnCurrentSchedule(Integer basedOnVersion) {
        if (basedOnVersion != null && basedOnVersion != scheduleVersion) {
            throw new ScheduleChangedMeanwhile(basedOnVersion, scheduleVersion);
        }
    }

    /** No participant marked absent sits at a table of a round after {@code afterRound}. */
    private void checkNoAbsentSeated(List<ScheduledMeeting> meetings, int afterRound) {
        for (ScheduledMeeting meeting : meetings) {
            if (meeting.round() > afterRound && (absent.contains(meeting.actorId())
                    || absent.contains(meeting.partnerActorId()))) {
                throw new AbsentParticipantSeated();
            }
        }
    }

    @CommandHandler
    void handle(PublishScheduleCommand command, Clock clock) {
        checkBeforePublication();
        if (schedule == null) throw new ScheduleNotReady("seul un planning généré peut être publié");
        checkBasedOnCurrentSchedule(command.basedOnVersion());
        if (scheduleOutdated) {
            throw new ScheduleNotReady("un participant du planning s'est retiré : générez le planning à nouveau");
        }
        apply(new SchedulePublishedEvent(sessionId, clock.instant()));
    }

    /**
     * Arrived at the welcome desk: also one marked absent before the first round (a click on the wrong line, or someone
     * who stepped out), whose absence this takes back. Once a round started, an absent participant who comes arrives
     * late (the rounds it missed are on record as such).
     */
    @CommandHandler
    void handle(CheckInParticipantCommand command, Clock clock) {
        checkNotClosed();
        checkRegistered(command.actorId());
        boolean absentNow = absent.contains(command.actorId());
        if (checkedIn.contains(command.actorId()) && !absentNow) {
            throw new AlreadyDone("l'acteur {0} est déjà arrivé", command.actorId());
        }
        if (absentNow && roundsStarted > 0) {
            throw new ScheduleNotReady("la session a commencé : l'acteur {0}, noté absent, arrive en retard",
                    command.actorId());
        }
        apply(new ParticipantCheckedInEvent(sessionId, command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(MarkParticipantAbsentCommand command, Clock clock) {
        checkNotClosed();
        checkRegistered(command.actorId());
        if (absent.contains(command.actorId())) {
            throw new AlreadyDone("l'acteur {0} est déjà noté absent", command.actorId());
        }
        apply(new ParticipantMarkedAbsentEvent(sessionId, command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(RegisterLateArrivalCommand command, Clock clock) {
        checkNotClosed();
        checkRegistered(command.actorId());
        if (roundsStarted == 0) {
            throw new ScheduleNotReady("la session n'a pas commencé : l'acteur {0} s'enregistre à l'accueil",
                    command.actorId());
        }
        if (checkedIn.contains(command.actorId()) && !absent.contains(command.actorId())) {
            throw new AlreadyDone("l'acteur {0} est déjà arrivé", command.actorId());
        }
        apply(new LateArrivalRegisteredEvent(sessionId, command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(StartRoundCommand command, Clock clock) {
        checkNotClosed();
        if (!published) throw new ScheduleNotReady("aucun tour ne commence avant la publication du planning");
        if (roundsStarted == rounds) throw RoundOutOfOrder.allStarted(rounds, command.round());
        if (command.round() != roundsStarted + 1) throw new RoundOutOfOrder(roundsStarted + 1, command.round());
        Instant startedAt = clock.instant();
        apply(new RoundStartedEvent(sessionId, command.round(), startedAt));
        // The round's meetings are held with its start, in the same command: appended one command each, a failure
        // part-way (a restart, the database unreachable) left some unrecorded, and once the next round started
        // nothing could record them any more — meetings that took place, lost to the introductions they open.
        for (ScheduledMeeting meeting : schedule) {
            if (meeting.round() == command.round() && !absent.contains(meeting.actorId())
                    && !absent.contains(meeting.partnerActorId()) && !held.contains(seat(meeting))) {
                apply(new SessionMeetingHeldEvent(sessionId, meeting.round(), meeting.table(), meeting.actorId(),
                        meeting.partnerActorId(), startedAt));
            }
        }
    }

    /** A table lost on the day (or before): the rounds not started do without it; a re-plan follows. */
    @CommandHandler
    void handle(RecordTableLostCommand command, Clock clock) {
        checkNotClosed();
        int table = command.table();
        if (table < 1 || table > tables) {
            throw new InvalidSession("table", "la table " + table + " n'existe pas dans la session (1 à " + tables + ")");
        }
        if (lostTables.contains(table)) throw new AlreadyDone("la table " + table + " est déjà retirée");
        if (lostTables.size() + 1 >= tables) throw new NoTableLeft(table);
        checkLocksFitWithout(table);
        apply(new TableLostEvent(sessionId, table, clock.instant()));
    }

    /**
     * A lock keeps a meeting in its round through the re-plans to come, at another table if its own is lost: a round
     * not started with more locks than the tables left would lose one of them in the re-plan, silently.
     */
    private void checkLocksFitWithout(int table) {
        if (schedule == null) {
            return;
        }
        int tablesLeft = tables - lostTables.size() - 1;
        // A lock of someone absent is no longer kept by a re-plan: it does not count.
        schedule.stream().filter(m -> m.round() > roundsStarted && m.locked() && !absent.contains(m.actorId())
                        && !absent.contains(m.partnerActorId()))
                .collect(Collectors.groupingBy(ScheduledMeeting::round, TreeMap::new, Collectors.counting()))
                .forEach((round, locked) -> {
                    if (locked > tablesLeft) {
                        throw new LocksExceedTables(table, round, locked, tablesLeft);
                    }
                });
    }

    @CommandHandler
    void handle(CloseSessionCommand command, Clock clock) {
        checkNotClosed();
        apply(new SessionClosedEvent(sessionId, clock.instant()));
    }

    private void checkNotClosed() {
        if (closed) throw new SessionAlreadyClosed();
    }

    private void checkBeforePublication() {
        checkNotClosed();
        if (published) throw new SchedulePublishedAlready();
    }

    /** No meeting of a round not started sits at a lost table (those of started rounds were held there). */
    private void checkNoLostTable(List<ScheduledMeeting> meetings) {
        for (ScheduledMeeting meeting : meetings) {
            if (meeting.round() > roundsStarted && lostTables.contains(meeting.table())) {
                throw new LostTableSeated(meeting.table());
            }
        }
    }

    private void checkRegistered(String actorId) {
        if (actorId == null || !participants.contains(actorId)) throw new NotAParticipant(actorId);
    }

    private static String wish(String actorId, String wishedActorId) {
        return actorId + "→" + wishedActorId;
    }

    /** Who sits where in a round, whatever weight or lock the meetings carry. */
    private static Set<Seat> seatsOf(List<ScheduledMeeting> meetings, int round) {
        Set<Seat> seats = new HashSet<>();
        meetings.stream().filter(m -> m.round() == round).forEach(m -> seats.add(seat(m)));
        return seats;
    }

    private static Seat seat(ScheduledMeeting m) {
        return seat(m.round(), m.table(), m.actorId(), m.partnerActorId());
    }

    private static Seat seat(int round, int table, String actor, String partner) {
        return new Seat(round, table, ActorPair.of(actor, partner));
    }

    /** A pair at a table in a round, in either order. */
    private record Seat(int round, int table, ActorPair pair) {
    }

    @EventSourcingHandler
    void on(SessionPlannedEvent event) {
        sessionId = event.sessionId();
        rounds = event.rounds();
        tables = event.tables();
    }

    @EventSourcingHandler
    void on(ParticipantRegisteredEvent event) {
        participants.add(event.actorId());
    }

    @EventSourcingHandler
    void on(ParticipantWithdrewEvent event) {
        participants.remove(event.actorId());
        wishes.removeIf(w -> w.startsWith(event.actorId() + "→") || w.endsWith("→" + event.actorId()));
        if (schedule != null && schedule.stream().anyMatch(m -> m.involves(event.actorId()))) {
            scheduleOutdated = true;
        }
    }

    @EventSourcingHandler
    void on(MeetingWishExpressedEvent event) {
        wishes.add(wish(event.actorId(), event.wishedActorId()));
    }

    @EventSourcingHandler
    void on(MeetingWishWithdrawnEvent event) {
        wishes.remove(wish(event.actorId(), event.wishedActorId()));
    }

    @EventSourcingHandler
    void on(ScheduleGeneratedEvent event) {
        schedule = new ArrayList<>(event.meetings());
        scheduleOutdated = false;
        scheduleVersion++;
    }

    @EventSourcingHandler
    void on(ScheduleAdjustedEvent event) {
        schedule = new ArrayList<>(event.meetings());
        scheduleOutdated = false;
        scheduleVersion++;
    }

    @EventSourcingHandler
    void on(SchedulePublishedEvent event) {
        published = true;
    }

    @EventSourcingHandler
    void on(ParticipantCheckedInEvent event) {
        checkedIn.add(event.actorId());
        absent.remove(event.actorId());
    }

    @EventSourcingHandler
    void on(ParticipantMarkedAbsentEvent event) {
        absent.add(event.actorId());
    }

    @EventSourcingHandler
    void on(LateArrivalRegisteredEvent event) {
        absent.remove(event.actorId());
        checkedIn.add(event.actorId());
    }

    @EventSourcingHandler
    void on(RoundStartedEvent event) {
        roundsStarted = event.round();
    }

    @EventSourcingHandler
    void on(SessionMeetingHeldEvent event) {
        held.add(seat(event.round(), event.table(), event.actorId(), event.partnerActorId()));
    }

    @EventSourcingHandler
    void on(TableLostEvent event) {
        lostTables.add(event.table());
    }

    @EventSourcingHandler
    void on(SessionClosedEvent event) {
        closed = true;
    }
}
