package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.session.export.SessionSheet;
import fr.labos.partenariats.matchmaking.session.export.WhySeen;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/sessions/{id}/schedule}: rounds → tables → pairs, each meeting with its weight and why, and the
 * objective the schedule reaches (minimum meetings, wishes met, total weight).
 *
 * <p>Those who run the session see every meeting's why. A participant's member sees every meeting (who meets whom,
 * at which table, in which round: it needs them), but a meeting's {@code weight}, {@code reason} and
 * {@code explanation} only when they rest on a wish made by an actor it acts for ({@link WhySeen}): null on every
 * other meeting, so that a one-sided wish of another participant (naming its actor or not) is never told. The
 * objective's counts, across the whole session, name nobody and stay.
 */
record ScheduleView(String sessionId, String title, boolean published, int roundsStarted, boolean closed,
                    @Schema(description = "Schedules generated or adjusted so far: a hand change names the one it was "
                            + "made on (basedOnVersion), and is refused (409) if the schedule changed since")
                    int version,
                    ScheduleObjective objective, List<Round> rounds) {

    record Round(int round, LocalTime startsAt, List<Table> tables) {
    }

    /** {@code weight}, {@code reason} and {@code explanation}: null for a reader not told why ({@link WhySeen}). */
    record Table(int table, Seat actor, Seat partner,
                 @Schema(description = NOT_TOLD) Double weight,
                 @Schema(description = NOT_TOLD) MeetingReason reason,
                 @Schema(description = NOT_TOLD) String explanation,
                 boolean locked, boolean held) {

        static final String NOT_TOLD = "Nul pour un membre d'un participant quand la rencontre ne repose pas sur un "
                + "souhait de l'acteur pour lequel il agit";
    }

    record Seat(String actorId, String name) {
    }

    /** The schedule as those who run the session see it. */
    static ScheduleView of(SessionState session, Function<String, String> names) {
        return of(session, names, WhySeen.all());
    }

    static ScheduleView of(SessionState session, Function<String, String> names, WhySeen whySeen) {
        Set<RoundPair> held = session.held().stream().map(h -> seat(h.round(), h.actorId(), h.partnerActorId()))
                .collect(Collectors.toSet());
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= session.rounds(); round++) {
            int r = round;
            // By table, as the room is laid out: the schedule keeps its meetings in the order they were planned, which
            // swaps, moves and re-plans change, not the tables they sit at.
            List<Table> tables = session.schedule().stream().filter(m -> m.round() == r)
                    .sorted(Comparator.comparingInt(ScheduledMeeting::table))
                    .map(m -> table(m, held.contains(seat(m.round(), m.actorId(), m.partnerActorId())), names,
                            whySeen.of(m)))
                    .toList();
            // As the exports count it (on the night the clocks go back, a round after 03:00 starts at 02:xx again).
            rounds.add(new Round(round, SessionSheet.roundStart(session.date(), session.startsAt(), session.zone(),
                    session.minutesPerRound(), round).toLocalTime(), tables));
        }
        return new ScheduleView(session.sessionId(), session.title(), session.published(), session.roundsStarted(),
                session.closed(), session.version(), session.objective(), rounds);
    }

    /** What a participant's member reads before publication: the session and its rounds, no meeting, no objective. */
    static ScheduleView notYetPublished(SessionState session) {
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= session.rounds(); round++) {
            rounds.add(new Round(round, SessionSheet.roundStart(session.date(), session.startsAt(), session.zone(),
                    session.minutesPerRound(), round).toLocalTime(), List.of()));
        }
        return new ScheduleView(session.sessionId(), session.title(), false, session.roundsStarted(), session.closed(),
                session.version(), null, rounds);
    }

    private static Table table(ScheduledMeeting m, boolean held, Function<String, String> names, boolean why) {
        return new Table(m.table(), new Seat(m.actorId(), names.apply(m.actorId())),
                new Seat(m.partnerActorId(), names.apply(m.partnerActorId())), why ? m.weight() : null,
                why ? m.reason() : null, why ? SessionSheet.explanation(m, names) : null, m.locked(), held);
    }

    /** A pair in a round, in either order. */
    private static RoundPair seat(int round, String oneActor, String otherActor) {
        return new RoundPair(round, ActorPair.of(oneActor, otherActor));
    }

    private record RoundPair(int round, ActorPair pair) {
    }
}
