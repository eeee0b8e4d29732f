package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replace the schedule's meetings by hand or after a re-plan; meetings of started rounds must stay as they are.
 *
 * @param basedOnVersion the version of the schedule these meetings were computed from (how many schedules were
 *                       generated or adjusted before it); refused when the schedule has changed since. Null: no check
 */
public record AdjustScheduleCommand(@TargetAggregateIdentifier String sessionId, List<ScheduledMeeting> meetings,
                                    ScheduleObjective objective, String reason, Integer basedOnVersion) {

    public AdjustScheduleCommand {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }

    /** Without a version to check: whatever the schedule is now, these meetings replace it. */
    public AdjustScheduleCommand(String sessionId, List<ScheduledMeeting> meetings, ScheduleObjective objective,
                                 String reason) {
        this(sessionId, meetings, objective, reason, null);
    }
}
