package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record the schedule the scheduler drafted for the registered participants.
 *
 * @param basedOnVersion the version of the schedule the session had when the draft was computed from it (its locks
 *                       among others); refused when the schedule has changed since. Null: no check
 */
public record GenerateScheduleCommand(@TargetAggregateIdentifier String sessionId, List<ScheduledMeeting> meetings,
                                      ScheduleObjective objective, Integer basedOnVersion) {

    public GenerateScheduleCommand {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }

    /** Without a version to check: whatever the schedule is now, this draft replaces it. */
    public GenerateScheduleCommand(String sessionId, List<ScheduledMeeting> meetings, ScheduleObjective objective) {
        this(sessionId, meetings, objective, null);
    }
}
