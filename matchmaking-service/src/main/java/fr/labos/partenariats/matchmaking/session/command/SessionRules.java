package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a plan and a schedule obey whatever the session's state, as sentences a facilitator can read. */
final class SessionRules {

    private SessionRules() {
    }

    static void checkPlan(PlanSessionCommand command) {
        require(command.sessionId(), "sessionId", "une session a besoin d'un identifiant");
        require(command.title(), "title", "une session a un titre");
        require(command.facilitatorSubject(), "facilitatorSubject", "une session a un animateur");
        if (command.territory() == null) throw new InvalidSession("territory", "une session a lieu sur un territoire");
        if (command.date() == null) throw new InvalidSession("date", "une session a une date");
        if (command.rounds() < 1) throw new InvalidSession("rounds", "une session compte au moins un tour");
        if (command.minutesPerRound() < 1) {
            throw new InvalidSession("minutesPerRound", "un tour dure au moins une minute");
        }
        if (command.tables() < 1) throw new InvalidSession("tables", "une session compte au moins une table");
    }

    /**
     * A schedule seats only registered participants, two different ones at a time, within the session's rounds and
     * tables; no pair meets twice, nobody sits twice in a round, no table holds two pairs in a round.
     */
    static void checkSchedule(List<ScheduledMeeting> meetings, Collection<String> participants, int rounds,
                              int tables) {
        Set<ActorPair> pairs = new HashSet<>();
        Set<String> seats = new HashSet<>();
        Set<String> tablesUsed = new HashSet<>();
        for (ScheduledMeeting meeting : meetings) {
            String a = meeting.actorId();
            String b = meeting.partnerActorId();
            if (a == null || b == null || a.equals(b)) {
                throw new InvalidSession("meetings", "une rencontre réunit deux participants différents");
            }
            for (String actor : List.of(a, b)) {
                if (!participants.contains(actor)) {
                    throw new InvalidSession("meetings", "l'acteur " + actor + " n'est pas inscrit à la session");
                }
                if (!seats.add(meeting.round() + "/" + actor)) {
                    throw new InvalidSession("meetings", "l'acteur " + actor + " a deux rencontres au tour "
                            + meeting.round());
                }
            }
            if (meeting.round() < 1 || meeting.round() > rounds) {
                throw new InvalidSession("meetings", "le tour " + meeting.round() + " n'existe pas dans la session");
            }
            if (meeting.table() < 1 || meeting.table() > tables) {
                throw new InvalidSession("meetings", "la table " + meeting.table() + " n'existe pas dans la session");
            }
            if (!pairs.add(ActorPair.of(a, b))) {
                throw new InvalidSession("meetings", a + " et " + b + " se rencontrent deux fois");
            }
            if (!tablesUsed.add(meeting.round() + "/" + meeting.table())) {
                throw new InvalidSession("meetings", "la table " + meeting.table() + " reçoit deux paires au tour "
                        + meeting.round());
            }
        }
    }

    static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) throw new InvalidSession(field, message);
    }
}
