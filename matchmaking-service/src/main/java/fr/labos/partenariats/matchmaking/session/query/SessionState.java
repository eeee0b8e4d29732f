package fr.labos.partenariats.matchmaking.session.query;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.session.LateArrivalRegisteredEvent;
import fr.labos.partenariats.schema.session.MeetingWishExpressedEvent;
import fr.labos.partenariats.schema.session.MeetingWishWithdrawnEvent;
import fr.labos.partenariats.schema.session.ParticipantCheckedInEvent;
import fr.labos.partenariats.schema.session.ParticipantMarkedAbsentEvent;
import fr.labos.partenariats.schema.session.ParticipantRegisteredEvent;
import fr.labos.partenariats.schema.session.ParticipantWithdrewEvent;
import fr.labos.partenariats.schema.session.RoundStartedEvent;
import fr.labos.partenariats.schema.session.ScheduleAdjustedEvent;
import fr.labos.partenariats.schema.session.ScheduleGeneratedEvent;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.SchedulePublishedEvent;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.session.SessionClosedEvent;
import fr.labos.partenariats.schema.session.SessionMeetingHeldEvent;
import fr.labos.partenariats.schema.session.SessionPlannedEvent;
import fr.labos.partenariats.schema.session.TableLostEvent;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A session as its events tell it, folded in order: what the service reads to build a scheduling request, answer
 * {@code GET /api/sessions/{id}/schedule} and write the exports. The aggregate keeps its own, smaller state for its
 * rules; this one is for reading.
 */
public final class SessionState {

    private String sessionId;
    private String title;
    private TerritoryRef territory;
    private String place;
    private LocalDate date;
    private LocalTime startsAt;
    private int rounds;
    private int minutesPerRound;
    private int tables;
    private String facilitatorSubject;
    private final Map<String, String> participants = new LinkedHashMap<>();
    private final List<Wish> wishes = new ArrayList<>();
    private final Set<String> checkedIn = new LinkedHashSet<>();
    private final Set<String> absent = new LinkedHashSet<>();
    /** Who was absent when each round started (as the session's aggregate keeps it). */
    private final List<SessionMeetingHeldEvent> held = new ArrayList<>();
    private final Set<Integer> lostTables = new TreeSet<>();
    /** Who arrived late (and was not marked absent since): a re-plan must seat them in the rounds to come. */
    private final Set<String> arrivedLate = new LinkedHashSet<>();
    private List<ScheduledMeeting> schedule = List.of();
    /**
     * Locks a schedule dropped because one of their two participants was marked absent then (a re-plan seats no one
     * absent), by round and pair: given back to a re-plan for which both are present again — the wrong line clicked
     * at the welcome desk, then « Arrivé » — instead of lost with the promise they kept.
     */
    private final Map<String, ScheduledMeeting> locksSetAside = new LinkedHashMap<>();
    /**
     * The participants (actor id to organisation) and wishes the schedule was last planned with: until publication,
     * they may still change while the plan stays as it was, and the facilitator is told what it does not account for.
     */
    private Map<String, String> participantsPlannedWith = Map.of();
    private Set<Wish> wishesPlannedWith = Set.of();
    private ScheduleObjective objective;
    private int version;
    private Instant changedAt;
    private boolean published;
    private int roundsStarted;
    /** When the last round started began; null before the first. */
    private Instant roundStartedAt;
    private boolean closed;

    /** Applies one event of the session; events of other types are ignored. */
    public void apply(Object event) {
        if (event instanceof SessionPlannedEvent e) {
            sessionId = e.sessionId();
            title = e.title();
            territory = e.territory();
            place = e.place();
            date = e.date();
            startsAt = e.startsAt();
            rounds = e.rounds();
            minutesPerRound = e.minutesPerRound();
            tables = e.tables();
            facilitatorSubject = e.facilitatorSubject();
            changedAt = e.plannedAt();
        } else if (event instanceof ParticipantRegisteredEvent e) {
            participants.put(e.actorId(), e.organisation());
        } else if (event instanceof ParticipantWithdrewEvent e) {
            participants.remove(e.actorId());
            locksSetAside.values().removeIf(m -> m.involves(e.actorId()));
            wishes.removeIf(w -> w.actorId().equals(e.actorId()) || w.wishedActorId().equals(e.actorId()));
        } else if (event instanceof MeetingWishExpressedEvent e) {
            wishes.add(new Wish(e.actorId(), e.wishedActorId()));
        } else if (event instanceof MeetingWishWithdrawnEvent e) {
            // The other side's wish stays; whether a wish is mutual is read from both being there, not from the event.
            wishes.remove(new Wish(e.actorId(), e.wishedActorId()));
        } else if (event instanceof ScheduleGeneratedEvent e) {
            plannedWithWhatIsThere();
            setLocksAside(e.meetings());
            schedule(e.meetings(), e.objective(), e.generatedAt());
        } else if (event instanceof ScheduleAdjustedEvent e) {
            setLocksAside(e.meetings());
            // A meeting moved, swapped or locked by hand keeps the pairs and so is still the plan made with what was
            // there then; a re-plan (a table lost) is made with the participants and wishes of now.
            if (!pairsOf(e.meetings()).equals(pairsOf(schedule))) plannedWithWhatIsThere();
            schedule(e.meetings(), e.objective(), e.adjustedAt());
        } else if (event instanceof SchedulePublishedEvent) {
            published = true;
        } else if (event instanceof ParticipantCheckedInEvent e) {
            arrived(e.actorId());
        } else if (event instanceof LateArrivalRegisteredEvent e) {
            arrived(e.actorId());
            arrivedLate.add(e.actorId());
        } else if (event instanceof ParticipantMarkedAbsentEvent e) {
            absent.add(e.actorId());
            checkedIn.remove(e.actorId());
            arrivedLate.remove(e.actorId());
        } else if (event instanceof RoundStartedEvent e) {
            if (e.round() >= roundsStarted) roundStartedAt = e.startedAt();
            roundsStarted = Math.max(roundsStarted, e.round());
        } else if (event instanceof SessionMeetingHeldEvent e) {
            held.add(e);
        } else if (event instanceof TableLostEvent e) {
            lostTables.add(e.table());
        } else if (event instanceof SessionClosedEvent) {
            closed = true;
        }
    }

    private void arrived(String actorId) {
        checkedIn.add(actorId);
        absent.remove(actorId);
    }

    private void plannedWithWhatIsThere() {
        participantsPlannedWith = new LinkedHashMap<>(participants);
        wishesPlannedWith = new LinkedHashSet<>(wishes);
    }

    /** How many times each pair meets, wherever it sits. */
    private static Map<ActorPair, Long> pairsOf(List<ScheduledMeeting> meetings) {
        return meetings.stream().collect(Collectors.groupingBy(m -> ActorPair.of(m.actorId(), m.partnerActorId()),
                Collectors.counting()));
    }

    private void schedule(List<ScheduledMeeting> meetings, ScheduleObjective reached, Instant at) {
        schedule = List.copyOf(meetings);
        objective = reached;
        version++;
        changedAt = at;
    }

    /** Registered participants not marked absent: those a plan or re-plan seats. */
    public List<String> present() {
        return participants.keySet().stream().filter(a -> !absent.contains(a)).toList();
    }

    /** Those present once {@code actorId} is marked absent, in registration order. */
    public List<String> presentWithout(String actorId) {
        return present().stream().filter(a -> !a.equals(actorId)).toList();
    }

    /** Those present once {@code actorId} has arrived, in registration order. */
    public List<String> presentWith(String actorId) {
        return participants.keySet().stream().filter(a -> a.equals(actorId) || !absent.contains(a)).toList();
    }

    /** The tables the rounds not started can use once {@code table} is lost, in order. */
    public List<Integer> availableTablesWithout(int table) {
        return availableTables().stream().filter(t -> t != table).toList();
    }

    /** Whether a round not started seats the actor (once absent, a re-plan must take it out). */
    public boolean seatsLater(String actorId) {
        return schedule.stream().anyMatch(m -> m.round() > roundsStarted && m.involves(actorId));
    }

    /** Whether a round not started uses the table (once lost, a re-plan must move its meetings). */
    public boolean usesLater(int table) {
        return schedule.stream().anyMatch(m -> m.round() > roundsStarted && m.table() == table);
    }

    /**
     * Whether the actor arrived late and the rounds to come do not seat them yet: their late arrival was recorded but
     * not planned for (its re-plan failed, or a change made since took no account of it). Read from the schedule
     * itself, not from whether it changed since: any later change may have left them out.
     */
    public boolean arrivedLateUnseated(String actorId) {
        return arrivedLate.contains(actorId) && !absent.contains(actorId) && roundsStarted < rounds
                && !seatsLater(actorId);
    }

    /**
     * Marked absent, and still seated in a round to come: the absence was written, its re-plan was not (refused in a
     * race with another change, or a failure in between); the session refuses every hand change until it is.
     */
    public boolean absentSeated(String actorId) {
        return absent.contains(actorId) && seatsLater(actorId);
    }

    /**
     * Checked in before the first round, and seated in none of the rounds: the check-in that took back an absence was
     * written, its re-plan was not (a failure in between).
     */
    public boolean checkedInUnseated(String actorId) {
        return checkedIn.contains(actorId) && !absent.contains(actorId) && roundsStarted == 0 && !seatsLater(actorId);
    }

    /**
     * A change at the desk written whose re-plan was not (a failure between the two writes): someone absent still
     * seated in the rounds to come (the session then refuses every hand change), or someone arrived at no table. The
     * same request sent again finishes it.
     */
    public boolean replanPending(String actorId) {
        return !closed && replannable() && (absentSeated(actorId) || checkedInUnseated(actorId)
                || arrivedLateUnseated(actorId));
    }

    /** Meetings to keep in a re-plan: those of started rounds, and the locks. */
    public List<ScheduledMeeting> kept() {
        return schedule.stream().filter(m -> m.round() <= roundsStarted || m.locked()).toList();
    }

    /**
     * What a re-plan for {@code present} keeps: {@link #kept()}, and the locks set aside for an absence whose two
     * participants are both present again, in a round not started, where neither already sits in a kept meeting, and
     * whose pair does not meet in a kept meeting already (seated elsewhere while the lock was set aside, then held).
     */
    public List<ScheduledMeeting> keptFor(List<String> present) {
        List<ScheduledMeeting> kept = new ArrayList<>(kept());
        Set<String> presentNow = new HashSet<>(present);
        for (ScheduledMeeting lock : locksSetAside.values()) {
            boolean seatedElsewhere = kept.stream().anyMatch(m -> m.round() == lock.round()
                    && (m.involves(lock.actorId()) || m.involves(lock.partnerActorId())));
            boolean metAlready = kept.stream().anyMatch(m -> m.brings(lock.actorId(), lock.partnerActorId()));
            if (lock.round() > roundsStarted && presentNow.contains(lock.actorId())
                    && presentNow.contains(lock.partnerActorId()) && !seatedElsewhere && !metAlready) {
                kept.add(lock);
            }
        }
        return kept;
    }

    /** Keeps aside the locks the new schedule drops for an absent participant, and forgets those it holds again. */
    private void setLocksAside(List<ScheduledMeeting> next) {
        for (ScheduledMeeting lock : schedule) {
            if (lock.locked() && (absent.contains(lock.actorId()) || absent.contains(lock.partnerActorId()))
                    && !holdsLock(next, lock)) {
                locksSetAside.put(lockKey(lock), lock);
            }
        }
        locksSetAside.values().removeIf(lock -> holdsLock(next, lock));
    }

    private static boolean holdsLock(List<ScheduledMeeting> meetings, ScheduledMeeting lock) {
        return meetings.stream().anyMatch(m -> m.locked() && m.round() == lock.round()
                && m.brings(lock.actorId(), lock.partnerActorId()));
    }

    private static String lockKey(ScheduledMeeting lock) {
        return lock.round() + "|" + ActorPair.of(lock.actorId(), lock.partnerActorId());
    }

    public boolean planned() {
        return sessionId != null;
    }

    public String sessionId() {
        return sessionId;
    }

    public String title() {
        return title;
    }

    public TerritoryRef territory() {
        return territory;
    }

    /**
     * The zone of the session's territory: its date and start time are that zone's local time (09:00 in La Réunion is
     * 09:00 there, 05:00 UTC), and an export that writes an instant reads them in it.
     */
    public ZoneId zone() {
        return TerritoryDirectory.official().zoneOf(territory);
    }

    public String place() {
        return place;
    }

    public LocalDate date() {
        return date;
    }

    public LocalTime startsAt() {
        return startsAt;
    }

    public int rounds() {
        return rounds;
    }

    public int minutesPerRound() {
        return minutesPerRound;
    }

    public int tables() {
        return tables;
    }

    /** Tables lost, in order: no meeting of a round not started sits there. */
    public Set<Integer> lostTables() {
        return Set.copyOf(lostTables);
    }

    /** The tables the rounds not started can use, in order. */
    public List<Integer> availableTables() {
        List<Integer> available = new ArrayList<>();
        for (int table = 1; table <= tables; table++) {
            if (!lostTables.contains(table)) available.add(table);
        }
        return available;
    }

    public String facilitatorSubject() {
        return facilitatorSubject;
    }

    /** Actor id to organisation, in registration order. */
    public Map<String, String> participants() {
        return new LinkedHashMap<>(participants);
    }

    public List<Wish> wishes() {
        return List.copyOf(wishes);
    }

    public Set<String> checkedIn() {
        return Set.copyOf(checkedIn);
    }

    public Set<String> absent() {
        return Set.copyOf(absent);
    }

    public List<SessionMeetingHeldEvent> held() {
        return List.copyOf(held);
    }

    public List<ScheduledMeeting> schedule() {
        return schedule;
    }

    public ScheduleObjective objective() {
        return objective;
    }

    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public boolean published() {
        return published;
    }

    public int roundsStarted() {
        return roundsStarted;
    }

    /** A schedule exists and rounds remain to start: what a live change re-plans. */
    public boolean replannable() {
        return !schedule.isEmpty() && roundsStarted < rounds;
    }

    public boolean closed() {
        return closed;
    }

    /**
     * Whether registrations and wishes may still change: the schedule is not published and the session not closed,
     * the rule by which the session's aggregate accepts them. A page reads it so as not to offer what would be refused.
     */
    public boolean beforePublication() {
        return !published && !closed;
    }

    /**
     * What changed since the schedule was last planned (generated, or re-planned), while it is not published: the plan
     * seats no participant registered since and takes no account of the wishes changed since. Null with no schedule and
     * once published (or closed): nothing may change any more.
     */
    public ChangesSinceSchedule changesSinceSchedule() {
        if (version == 0 || !beforePublication()) return null;
        Map<String, String> registered = new LinkedHashMap<>(participants);
        registered.keySet().removeAll(participantsPlannedWith.keySet());
        Map<String, String> withdrawn = new LinkedHashMap<>(participantsPlannedWith);
        withdrawn.keySet().removeAll(participants.keySet());
        Set<Wish> wishesNow = new HashSet<>(wishes);
        List<Wish> expressed = wishes.stream().filter(w -> !wishesPlannedWith.contains(w)).toList();
        // A withdrawn participant's wishes, and those for it, went with it: told as its withdrawal, not as wishes.
        List<Wish> takenBack = wishesPlannedWith.stream().filter(w -> !wishesNow.contains(w)
                && !withdrawn.containsKey(w.actorId()) && !withdrawn.containsKey(w.wishedActorId())).toList();
        return new ChangesSinceSchedule(registered, withdrawn, expressed, takenBack);
    }

    /**
     * Participants (actor id to organisation, in registration order) registered and withdrawn since the schedule was
     * planned, and the wishes expressed and taken back since; one registered then withdrawn again, or a wish expressed
     * then taken back, is no change.
     */
    public record ChangesSinceSchedule(Map<String, String> registered, Map<String, String> withdrawn,
                                       List<Wish> wishesExpressed, List<Wish> wishesTakenBack) {

        public boolean none() {
            return registered.isEmpty() && withdrawn.isEmpty() && wishesExpressed.isEmpty()
                    && wishesTakenBack.isEmpty();
        }
    }

    /**
     * When the round in progress started: the last round started, while the session is not closed; null before the
     * first round and once closed.
     */
    public Instant currentRoundStartedAt() {
        return closed ? null : roundStartedAt;
    }
}
