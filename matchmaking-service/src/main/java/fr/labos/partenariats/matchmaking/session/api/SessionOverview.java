package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.common.TerritoryRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/sessions/{id}}: what a facilitator prepares and runs a session with: its settings (and the tables
 * lost since), where it stands, its participants (name, organisation, presence on the day) and the wishes expressed.
 * Those who run the session only: every wish is there, and a wish is a participant's private preference given to the
 * facilitator (a participant's members read the schedule instead, told only of their own wishes: {@link ScheduleView}).
 * {@code scheduled}: a schedule was generated (even one with no meeting, when every pair was set aside).
 * {@code timeZone}: the zone of the session's territory, whose local time {@code date} and {@code startsAt} are
 * (Europe/Paris in metropolitan France, Indian/Reunion in La Réunion…), for a reader elsewhere to be told.
 * {@code roundStartedAt}: the instant (ISO-8601, UTC) the round in progress — round {@code roundsStarted} — started,
 * for a console reloaded mid-round to restore its timer; null before the first round and once the session is closed.
 * {@code sinceSchedule}: what changed since the plan was last generated (or re-planned), which the plan takes no account
 * of until it is generated again: {@code registered}, the participants registered since (seated nowhere);
 * {@code withdrawn}, those withdrawn since (their wishes with them); {@code wishesExpressed} and {@code wishesWithdrawn},
 * how many wishes were expressed and taken back since (one expressed then taken back again is no change). Every list
 * empty and both counts 0 when nothing changed; null with no plan and once it is published (nothing may change then).
 */
record SessionOverview(String id, String title, TerritoryRef territory, String place, LocalDate date,
                       LocalTime startsAt, String timeZone, int rounds, int minutesPerRound, int tables, List<Integer> lostTables,
                       boolean scheduled, boolean published, int roundsStarted, Instant roundStartedAt, boolean closed,
                       int scheduleVersion,
                       List<Participant> participants, List<MeetingWish> wishes, SinceSchedule sinceSchedule) {

    /** REGISTERED until the day; CHECKED_IN once arrived (late arrivals included), ABSENT when marked so. */
    enum Presence { REGISTERED, CHECKED_IN, ABSENT }

    /**
     * @param replanPending its presence changed at the desk, and the re-plan that goes with it was not written (a
     *                      failure in between): the same request sent again ({@code absences} for one absent, else
     *                      {@code check-ins} before the first round, {@code late-arrivals} after) finishes it
     */
    record Participant(String actorId, String name, String organisation, Presence presence, boolean replanPending) {
    }

    record MeetingWish(String actorId, String wishedActorId, boolean mutual) {
    }

    record SinceSchedule(List<ChangedParticipant> registered, List<ChangedParticipant> withdrawn, int wishesExpressed,
                         int wishesWithdrawn) {

        static SinceSchedule of(SessionState.ChangesSinceSchedule changes, Function<String, String> names) {
            return changes == null ? null : new SinceSchedule(named(changes.registered(), names),
                    named(changes.withdrawn(), names), changes.wishesExpressed().size(),
                    changes.wishesTakenBack().size());
        }

        private static List<ChangedParticipant> named(Map<String, String> organisations,
                                                      Function<String, String> names) {
            return organisations.entrySet().stream().map(p -> new ChangedParticipant(p.getKey(),
                    names.apply(p.getKey()), p.getValue())).toList();
        }
    }

    /** A participant registered or withdrawn since the plan: its public name, and the organisation it registered as. */
    record ChangedParticipant(String actorId, String name, String organisation) {
    }

    /**
     * A line of {@code GET /api/sessions}: where the session stands said as the overview says it (a plan generated,
     * published, round n of {@code rounds} started, closed).
     */
    record Summary(String id, String title, TerritoryRef territory, String place, LocalDate date, LocalTime startsAt,
                   String timeZone, int rounds, int participants, boolean scheduled, boolean published, int roundsStarted,
                   boolean closed) {

        static Summary of(SessionState s) {
            return new Summary(s.sessionId(), s.title(), s.territory(), s.place(), s.date(), s.startsAt(),
                    s.zone().getId(), s.rounds(),
                    s.participants().size(), s.version() > 0, s.published(), s.roundsStarted(), s.closed());
        }
    }

    static SessionOverview of(SessionState s, Function<String, String> names) {
        Set<String> wished = s.wishes().stream().map(w -> w.actorId() + "→" + w.wishedActorId())
                .collect(Collectors.toSet());
        // The state's getters copy: taken once, not once per participant.
        Set<String> absent = s.absent();
        Set<String> checkedIn = s.checkedIn();
        List<Participant> participants = s.participants().entrySet().stream().map(p -> new Participant(p.getKey(),
                names.apply(p.getKey()), p.getValue(), presence(absent, checkedIn, p.getKey()),
                s.replanPending(p.getKey()))).toList();
        List<MeetingWish> wishes = s.wishes().stream().map(w -> new MeetingWish(w.actorId(), w.wishedActorId(),
                wished.contains(w.wishedActorId() + "→" + w.actorId()))).toList();
        return new SessionOverview(s.sessionId(), s.title(), s.territory(), s.place(), s.date(), s.startsAt(),
                s.zone().getId(), s.rounds(), s.minutesPerRound(), s.tables(), List.copyOf(new TreeSet<>(s.lostTables())),
                s.version() > 0, s.published(),
                s.roundsStarted(), s.currentRoundStartedAt(), s.closed(), s.version(), participants, wishes,
                SinceSchedule.of(s.changesSinceSchedule(), names));
    }

    private static Presence presence(Set<String> absent, Set<String> checkedIn, String actorId) {
        if (absent.contains(actorId)) return Presence.ABSENT;
        return checkedIn.contains(actorId) ? Presence.CHECKED_IN : Presence.REGISTERED;
    }
}
