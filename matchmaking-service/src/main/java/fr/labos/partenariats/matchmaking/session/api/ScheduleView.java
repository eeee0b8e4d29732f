package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/sessions/{id}/schedule}: rounds → tables → pairs, each meeting with its weight and why, and the
 * objective the schedule reaches (minimum meetings, wishes met, total weight).
 */
record ScheduleView(String sessionId, String title, boolean published, int roundsStarted, boolean closed,
                    ScheduleObjective objective, List<Round> rounds) {

    record Round(int round, LocalTime startsAt, List<Table> tables) {
    }

    record Table(int table, Seat actor, Seat partner, double weight, MeetingReason reason, String explanation,
                 boolean locked, boolean held) {
    }

    record Seat(String actorId, String name) {
    }

    static ScheduleView of(SessionState session, Function<String, String> names) {
        Set<RoundPair> held = session.held().stream().map(h -> seat(h.round(), h.actorId(), h.partnerActorId()))
                .collect(Collectors.toSet());
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= session.rounds(); round++) {
            int r = round;
            List<Table> tables = session.schedule().stream().filter(m -> m.round() == r)
                    .map(m -> table(m, held.contains(seat(m.round(), m.actorId(), m.partnerActorId())), names))
                    .toList();
            rounds.add(new Round(round, session.startsAt().plusMinutes((long) (round - 1) * session.minutesPerRound()),
                    tables));
        }
        return new ScheduleView(session.sessionId(), session.title(), session.published(), session.roundsStarted(),
                session.closed(), session.objective(), rounds);
    }

    private static Table table(ScheduledMeeting m, boolean held, Function<String, String> names) {
        return new Table(m.table(), new Seat(m.actorId(), names.apply(m.actorId())),
                new Seat(m.partnerActorId(), names.apply(m.partnerActorId())), m.weight(), m.reason(),
                m.explanation(), m.locked(), held);
    }

    /** A pair in a round, in either order. */
    private static RoundPair seat(int round, String oneActor, String otherActor) {
        return new RoundPair(round, ActorPair.of(oneActor, otherActor));
    }

    private record RoundPair(int round, ActorPair pair) {
    }
}
