package fr.labos.partenariats.matchmaking.session.schedule;

import fr.labos.partenariats.schema.session.ScheduleObjective;
import fr.labos.partenariats.schema.session.ScheduledMeeting;

import java.util.List;

/** The scheduler's answer: every meeting, by round then table, and the objective reached. */
public record Schedule(List<ScheduledMeeting> meetings, ScheduleObjective objective) {

    public Schedule {
        meetings = List.copyOf(meetings);
    }
}
