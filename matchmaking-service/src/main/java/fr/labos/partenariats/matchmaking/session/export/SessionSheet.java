package fr.labos.partenariats.matchmaking.session.export;

import fr.labos.partenariats.matchmaking.session.schedule.Wish;
import fr.labos.partenariats.schema.common.VisibleText;
import fr.labos.partenariats.schema.session.MeetingReason;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the exports of a session print: the session's title, place and timing, its schedule as it now stands, and
 * the participants' names.
 *
 * @param date      the session's day and {@code startsAt} its start time, both the local time of its territory
 * @param zone      its territory's zone, in which they are read to write an instant (a calendar's): {@code 09:00} in
 *                  La Réunion is 05:00 UTC
 * @param rounds    how many rounds the session has, with or without meetings
 * @param version   how many times the schedule was generated or adjusted: calendars use it as their sequence, so
 *                  that a re-import replaces the previous events
 * @param changedAt when the schedule last changed
 * @param names     actor id to display name; an actor without a name is shown by its id
 * @param wishes    the session's wishes: what a participant's own calendar and printed programme may say of why it
 *                  meets someone ({@link WhySeen})
 */
public record SessionSheet(String sessionId, String title, String place, LocalDate date, LocalTime startsAt,
                           int minutesPerRound, int rounds, ZoneId zone, List<ScheduledMeeting> meetings, int version,
                           Instant changedAt, Map<String, String> names, List<Wish> wishes) {

    public SessionSheet {
        meetings = meetings.stream()
                .sorted(Comparator.comparingInt(ScheduledMeeting::round).thenComparingInt(ScheduledMeeting::table))
                .toList();
        names = Map.copyOf(names);
        wishes = List.copyOf(wishes);
    }

    /**
     * What the participant may read of why it meets someone, whoever downloads or prints its calendar or programme:
     * a facilitator hands them out.
     */
    WhySeen whySeenBy(String actorId) {
        return WhySeen.byParticipant(wishes, actorId::equals);
    }

    /** Where a table stands: « Maison des associations — table 3 », or « table 3 » for a session without a place. */
    String atTable(int table) {
        return atTable(place, table);
    }

    /** Where a table of a session held at {@code place} stands (see {@link #atTable(int)}). */
    public static String atTable(String place, int table) {
        return (VisibleText.isBlank(place) ? "" : place.strip() + " — ") + "table " + table;
    }

    /** When the round starts, in the session's time zone. */
    ZonedDateTime roundStart(int round) {
        return roundStart(date, startsAt, zone, minutesPerRound, round);
    }

    /**
     * When a round of a session starts, in its time zone: on the real timeline of the session's day, so that on the
     * night the clocks change, every page, sheet and calendar gives the time the room's clocks show.
     */
    public static ZonedDateTime roundStart(LocalDate date, LocalTime startsAt, ZoneId zone, int minutesPerRound, int round) {
        return ZonedDateTime.of(date, startsAt, zone).plusMinutes((long) (round - 1) * minutesPerRound);
    }

    ZonedDateTime roundEnd(int round) {
        return roundStart(round).plusMinutes(minutesPerRound);
    }

    String name(String actorId) {
        String name = names.get(actorId);
        return name == null || name.isBlank() ? actorId : name;
    }

    /** Why the meeting was planned, its participants named: {@link #explanation(ScheduledMeeting, Function)}. */
    String explanation(ScheduledMeeting meeting) {
        return explanation(meeting, this::name);
    }

    /**
     * Why the meeting was planned, as people read it. The plan writes a one-sided wish with the participants' ids
     * (« {id} a demandé à rencontrer {id} »: the planner knows no names, and a name changed since would leave a stale
     * one in the session's events); each is put back in their name here, on every page, file and calendar.
     */
    public static String explanation(ScheduledMeeting meeting, Function<String, String> names) {
        String text = meeting.explanation();
        if (text == null) {
            return null;
        }
        // In one pass, the longer id first: « a1 » must not be replaced inside « a12 », nor an id inside a name put in.
        String longer = meeting.actorId().length() >= meeting.partnerActorId().length() ? meeting.actorId()
                : meeting.partnerActorId();
        String shorter = longer.equals(meeting.actorId()) ? meeting.partnerActorId() : meeting.actorId();
        return Pattern.compile(Pattern.quote(longer) + "|" + Pattern.quote(shorter)).matcher(text)
                .replaceAll(found -> Matcher.quoteReplacement(names.apply(found.group())));
    }

    /** The other participant of a meeting, seen from one of the two. */
    static String partnerOf(ScheduledMeeting meeting, String actorId) {
        return meeting.actorId().equals(actorId) ? meeting.partnerActorId() : meeting.actorId();
    }

    static String reasonLabel(MeetingReason reason) {
        return switch (reason) {
            case MUTUAL_WISH -> "Souhait réciproque";
            case WISH -> "Souhait";
            case COMPLEMENTARITY -> "Complémentarité";
        };
    }
}
