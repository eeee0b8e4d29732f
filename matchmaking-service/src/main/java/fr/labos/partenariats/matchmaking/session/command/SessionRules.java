package fr.labos.partenariats.matchmaking.session.command;

import fr.labos.partenariats.matchmaking.engine.model.ActorPair;
import fr.labos.partenariats.schema.common.TerritoryRef;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.session.PlanSessionCommand;
import fr.labos.partenariats.schema.session.ScheduledMeeting;
import fr.labos.partenariats.schema.territory.TerritoryDirectory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a plan and a schedule obey whatever the session's state, as sentences a facilitator can read. */
public final class SessionRules {

    /*
     * Upper bounds. A speed-meeting session runs 6 to 12 rounds of 5 to 15 minutes; the bounds leave room for
     * sessions well beyond that (a whole day of short rounds, long workshops, a large fair) while refusing numbers no
     * lab would ever plan. They matter: the schedule, its views and its exports hold a list per round and per table,
     * so a plan of two billion rounds or tables would exhaust the service's memory at its first reading.
     */
    /** 30 rounds: a whole day of 15-minute rounds, more than twice the longest session usually run. */
    public static final int MAX_ROUNDS = 30;
    /** Four hours: half a day for one meeting, beyond which it is a workshop, not a round. */
    public static final int MAX_MINUTES_PER_ROUND = 240;
    /** 200 tables: 400 participants meeting at once, more than the largest lab fair gathers. */
    public static final int MAX_TABLES = 200;
    /**
     * 500 meetings in all (rounds × tables; 100 participants over 10 rounds): the schedule travels whole in one event
     * (generated, then each adjustment), a meeting with its explanation weighs up to about 1.4 KB, and an event over
     * the broker's 1 MB would be refused for ever, holding back every event of the service behind it.
     */
    public static final int MAX_MEETINGS = 500;
    /**
     * 400 participants: as many as the most tables seat at once. More would never sit together, and each costs: the
     * pairs' weights are read for every pair of participants (n²/2 of them) at each generation and each live re-plan,
     * an import of a whole département (2,000 actors, two million pairs) would hold the welcome desk's every click.
     */
    public static final int MAX_PARTICIPANTS = 2 * MAX_TABLES;
    /**
     * A session is dated at most two years ahead (labs plan a season or two in advance) and at most two years back: a
     * session already held on paper may be recorded afterwards, so that its meetings keep pairs apart in the next
     * ones, but a date further away is a typing error (and one far enough breaks the calendar exports).
     */
    public static final int MAX_YEARS_AWAY = 2;
    /**
     * A title, a place, an organisation: a line of text, as long as an actor's name may be. Each is copied into the
     * session's events, which travel to the topic one by one: text without a bound would make one too large to pass.
     */
    public static final int MAX_TEXT = 200;
    /** An actor's id, as the rest of the service bounds it. */
    public static final int MAX_ID = 100;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SessionRules() {
    }

    /** @param today the lab's day when the session is planned: its date is checked against it */
    static void checkPlan(PlanSessionCommand command, LocalDate today) {
        require(command.sessionId(), "sessionId", "une session a besoin d'un identifiant");
        require(command.title(), "title", "une session a un titre");
        require(command.facilitatorSubject(), "facilitatorSubject", "une session a un animateur");
        checkLength(command.title(), "title", "le titre");
        checkLength(command.place(), "place", "le lieu");
        checkTerritory(command.territory());
        if (command.date() == null) throw new InvalidSession("date", "une session a une date");
        LocalDate latest = today.plusYears(MAX_YEARS_AWAY);
        LocalDate earliest = today.minusYears(MAX_YEARS_AWAY);
        if (command.date().isAfter(latest) || command.date().isBefore(earliest)) {
            throw new InvalidSession("date", "une session a lieu entre le " + DAY.format(earliest) + " et le "
                    + DAY.format(latest) + " (au plus " + MAX_YEARS_AWAY + " ans avant ou après aujourd'hui)");
        }
        if (command.rounds() < 1) throw new InvalidSession("rounds", "une session compte au moins un tour");
        if (command.rounds() > MAX_ROUNDS) {
            throw new InvalidSession("rounds", "une session compte au plus " + MAX_ROUNDS + " tours");
        }
        if (command.minutesPerRound() < 1) {
            throw new InvalidSession("minutesPerRound", "un tour dure au moins une minute");
        }
        if (command.minutesPerRound() > MAX_MINUTES_PER_ROUND) {
            throw new InvalidSession("minutesPerRound", "un tour dure au plus " + MAX_MINUTES_PER_ROUND
                    + " minutes");
        }
        if (command.tables() < 1) throw new InvalidSession("tables", "une session compte au moins une table");
        if (command.tables() > MAX_TABLES) {
            throw new InvalidSession("tables", "une session compte au plus " + MAX_TABLES + " tables");
        }
        if ((long) command.rounds() * command.tables() > MAX_MEETINGS) {
            throw new InvalidSession("tables", "une session compte au plus " + MAX_MEETINGS + " rencontres (tours × "
                    + "tables) : " + command.rounds() + " tours de " + command.tables() + " tables en font "
                    + command.rounds() * command.tables());
        }
    }

    /** A session takes place on a territory of the official directory, named by its code and level. */
    public static void checkTerritory(TerritoryRef territory) {
        if (territory == null || territory.code() == null || territory.level() == null) {
            throw new InvalidSession("territory", "une session a lieu sur un territoire : son code et son niveau");
        }
        if (!TerritoryDirectory.official().isKnown(territory)) {
            throw new InvalidSession("territory", "aucun territoire de niveau « " + territory.level().label()
                    + " » n'a le code « " + territory.code() + " »");
        }
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
                    throw new InvalidSession("meetings", "l'acteur {0} n'est pas inscrit à la session", actor);
                }
                if (!seats.add(meeting.round() + "/" + actor)) {
                    throw new InvalidSession("meetings", "l'acteur {0} a deux rencontres au tour " + meeting.round(),
                            actor);
                }
            }
            if (meeting.round() < 1 || meeting.round() > rounds) {
                throw new InvalidSession("meetings", "le tour " + meeting.round() + " n'existe pas dans la session");
            }
            if (meeting.table() < 1 || meeting.table() > tables) {
                throw new InvalidSession("meetings", "la table " + meeting.table() + " n'existe pas dans la session");
            }
            if (!pairs.add(ActorPair.of(a, b))) {
                throw new InvalidSession("meetings", "{0} et {1} se rencontrent deux fois", a, b);
            }
            if (!tablesUsed.add(meeting.round() + "/" + meeting.table())) {
                throw new InvalidSession("meetings", "la table " + meeting.table() + " reçoit deux paires au tour "
                        + meeting.round());
            }
        }
    }

    /** An organisation registered with a participant is a line of text. */
    static void checkOrganisation(String organisation) {
        checkLength(organisation, "organisation", "l'organisation");
    }

    private static void checkLength(String value, String field, String what) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidSession(field, what + " compte au plus " + MAX_TEXT + " caractères (ici "
                    + value.length() + ")");
        }
    }

    static void require(String value, String field, String message) {
        // Visible: a title of no-break or zero-width spaces only would be a session listed and printed untitled.
        if (VisibleText.isBlank(value)) throw new InvalidSession(field, message);
    }
}
