package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record the schedule the scheduler drafted for the registered participants. */
public record GenerateScheduleCommand(@TargetAggregateIdentifier String sessionId, List<ScheduledMeeting> meetings,
                                      ScheduleObjective objective) {

    public GenerateScheduleCommand {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }
}
