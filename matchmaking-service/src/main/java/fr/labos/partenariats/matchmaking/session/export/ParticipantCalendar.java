package fr.labos.partenariats.matchmaking.session.export;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.Date;

/**
 * One participant's meetings as an iCalendar file, one event per meeting. An event's UID names the session, the
 * round and the participant, never the partner or the table: when the schedule changes, a re-import of the file
 * updates the participant's events (its sequence grows with the schedule's version) instead of adding new ones.
 * An event says why the meeting was planned only when the participant may know it ({@link WhySeen}). A round without a
 * meeting for the participant is an event too, cancelled: a meeting a re-plan took away leaves the calendar at the next
 * import instead of staying there, at a table where someone else now sits.
 */
public final class ParticipantCalendar {

    private ParticipantCalendar() {
    }

    public static String write(SessionSheet sheet, String actorId) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Labos des partenariats//Rencontres express//FR");
        calendar.setMethod(Method.publish());
        calendar.setName(sheet.title() + " — " + sheet.name(actorId));
        WhySeen whySeen = sheet.whySeenBy(actorId);
        // Every round of the session, also one a re-plan left without any meeting (two absent before the first round
        // may empty the last ones): its slot is cancelled too, or the meeting imported before would stay.
        for (int round = 1; round <= sheet.rounds(); round++) {
            int r = round;
            VEvent event = new VEvent();
            event.setUid(uid(sheet.sessionId(), round, actorId));
            event.setSequence(sheet.version());
            event.setDateTimeStamp(Date.from(sheet.changedAt()));
            event.setDateStart(Date.from(sheet.roundStart(round).toInstant()));
            event.setDateEnd(Date.from(sheet.roundEnd(round).toInstant()));
            ScheduledMeeting m = sheet.meetings().stream().filter(meeting -> meeting.round() == r && meeting.involves(actorId))
                    .findFirst().orElse(null);
            if (m == null) {
                // No meeting at this round (a rest, or a re-plan took it away): its slot is cancelled, so that a
                // re-import takes a meeting the participant no longer has out of its calendar.
                event.setStatus(Status.cancelled());
                event.setSummary("Pas de rencontre au tour " + round);
                event.setDescription(sheet.title() + "\nAucune rencontre pour vous à ce tour.");
                calendar.addEvent(event);
                continue;
            }
            String partner = SessionSheet.partnerOf(m, actorId);
            event.setSummary("Rencontre avec " + sheet.name(partner) + " (tour " + m.round() + ", table "
                    + m.table() + ")");
            event.setLocation(sheet.atTable(m.table()));
            event.setDescription(whySeen.of(m)
                    ? sheet.title() + "\n" + SessionSheet.reasonLabel(m.reason()) + " : " + sheet.explanation(m)
                    : sheet.title());
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    /** Stable across re-plans: the participant's slot in the session, whoever it meets there. */
    static String uid(String sessionId, int round, String actorId) {
        return "session-" + sessionId + "-tour-" + round + "-" + actorId + "@labos-partenariats";
    }
}
