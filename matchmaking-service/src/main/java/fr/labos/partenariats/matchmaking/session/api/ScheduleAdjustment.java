package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.InvalidSession;
import fr.labos.partenariats.matchmaking.session.command.ScheduleNotReady;
import fr.labos.partenariats.matchmaking.session.command.SessionAlreadyClosed;
import fr.labos.partenariats.matchmaking.session.command.SessionConflict;
import fr.labos.partenariats.matchmaking.session.command.StartedRoundChanged;
import fr.labos.partenariats.matchmaking.session.query.SessionState;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A facilitator's change by hand to a schedule: a meeting moved to a free table (of its round or of another round to
 * come), two meetings swapping their places, a meeting locked (re-plans keep it where it is) or unlocked. Meetings
 * keep their pair, weight, reason and sentence: only their place or lock changes, so the schedule's objective (the
 * meetings each participant gets, the wishes met, the total weight) stays what it was. Rounds that started never
 * change, and nobody sits twice in a round; the session's own rules check the whole schedule again.
 */
final class ScheduleAdjustment {

    enum Action { MOVE, SWAP, LOCK, UNLOCK }

    /** A place in the grid: a round and a table. */
    record Slot(@NotNull Integer round, @NotNull Integer table) {

        boolean holds(ScheduledMeeting meeting) {
            return meeting.round() == round && meeting.table() == table;
        }

        @Override
        public String toString() {
            return "tour " + round + ", table " + table;
        }
    }

    /**
     * The change asked for: {@code meeting} names the meeting by its place; {@code target} is where it goes (MOVE, a
     * free place) or the meeting it swaps with (SWAP); LOCK and UNLOCK need no target. {@code basedOnVersion}, the
     * schedule's version the change was made on (as the page showed it): refused if the schedule changed since, rather
     * than applied to the meeting that now sits at that place. None: the schedule as the service reads it.
     */
    record Request(@NotNull Action action, @NotNull @Valid Slot meeting, @Valid Slot target, Integer basedOnVersion) {
    }

    /** The place asked for is taken, or a participant would sit twice in a round. */
    static final class SlotConflict extends SessionConflict {

        SlotConflict(String message) {
            super(message);
        }
    }

    private ScheduleAdjustment() {
    }

    /** The whole schedule after the change; throws a refusal (nothing is written) when the change is not allowed. */
    static List<ScheduledMeeting> apply(SessionState session, Request request, Function<String, String> names) {
        if (session.closed()) throw new SessionAlreadyClosed();
        if (session.version() == 0) throw new ScheduleNotReady("il n'y a pas encore de planning à ajuster");
        checkInGrid(session, request.meeting(), "meeting");
        ScheduledMeeting meeting = at(session, request.meeting())
                .orElseThrow(() -> new InvalidSession("meeting", "aucune rencontre au " + request.meeting()));
        if (meeting.round() <= session.roundsStarted()) throw new StartedRoundChanged(meeting.round());
        List<ScheduledMeeting> meetings = new ArrayList<>(session.schedule());
        switch (request.action()) {
            case LOCK, UNLOCK -> replace(meetings, meeting,
                    place(meeting, meeting.round(), meeting.table(), request.action() == Action.LOCK));
            case MOVE, SWAP -> {
                Slot target = request.target();
                if (target == null) {
                    throw new InvalidSession("target", request.action() == Action.MOVE
                            ? "indiquez le tour et la table où déplacer la rencontre"
                            : "indiquez la rencontre avec laquelle échanger");
                }
                checkInGrid(session, target, "target");
                if (target.holds(meeting)) throw new InvalidSession("target", "la rencontre est déjà au " + target);
                if (target.round() <= session.roundsStarted()) throw new StartedRoundChanged(target.round());
                ScheduledMeeting other = at(session, target).orElse(null);
                if (request.action() == Action.MOVE && other != null) {
                    throw new SlotConflict("le " + target + " est occupé : échangez les deux rencontres");
                }
                if (request.action() == Action.SWAP && other == null) {
                    throw new InvalidSession("target", "aucune rencontre au " + target + " : déplacez la rencontre");
                }
                replace(meetings, meeting, place(meeting, target.round(), target.table(), meeting.locked()));
                if (other != null) {
                    replace(meetings, other, place(other, meeting.round(), meeting.table(), other.locked()));
                }
                checkNobodyTwiceInARound(meetings, names);
            }
        }
        return meetings;
    }

    /** The reason the adjusted schedule records, in French. */
    static String reason(Request request) {
        return switch (request.action()) {
            case MOVE -> "rencontre déplacée du " + request.meeting() + " au " + request.target();
            case SWAP -> "rencontres échangées : " + request.meeting() + " et " + request.target();
            case LOCK -> "rencontre verrouillée au " + request.meeting();
            case UNLOCK -> "rencontre déverrouillée au " + request.meeting();
        };
    }

    private static void checkInGrid(SessionState session, Slot slot, String field) {
        if (slot.round() < 1 || slot.round() > session.rounds()) {
            throw new InvalidSession(field, "le tour " + slot.round() + " n'existe pas dans la session (1 à "
                    + session.rounds() + ")");
        }
        if (slot.table() < 1 || slot.table() > session.tables()) {
            throw new InvalidSession(field, "la table " + slot.table() + " n'existe pas dans la session (1 à "
                    + session.tables() + ")");
        }
    }

    private static Optional<ScheduledMeeting> at(SessionState session, Slot slot) {
        return session.schedule().stream().filter(slot::holds).findFirst();
    }

    private static ScheduledMeeting place(ScheduledMeeting m, int round, int table, boolean locked) {
        return new ScheduledMeeting(round, table, m.actorId(), m.partnerActorId(), m.weight(), m.reason(),
                m.explanation(), locked);
    }

    private static void replace(List<ScheduledMeeting> meetings, ScheduledMeeting old, ScheduledMeeting updated) {
        meetings.set(meetings.indexOf(old), updated);
    }

    private static void checkNobodyTwiceInARound(List<ScheduledMeeting> meetings, Function<String, String> names) {
        Set<String> seats = new HashSet<>();
        for (ScheduledMeeting m : meetings) {
            for (String actor : List.of(m.actorId(), m.partnerActorId())) {
                if (!seats.add(m.round() + "/" + actor)) {
                    throw new SlotConflict(names.apply(actor) + " a déjà une rencontre au tour " + m.round());
                }
            }
        }
    }
}
