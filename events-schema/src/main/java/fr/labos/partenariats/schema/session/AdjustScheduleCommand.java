package fr.labos.partenariats.schema.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replace the schedule's meetings by hand or after a re-plan; meetings of started rounds must stay as they are. */
public record AdjustScheduleCommand(@TargetAggregateIdentifier String sessionId, List<ScheduledMeeting> meetings,
                                    ScheduleObjective objective, String reason) {

    public AdjustScheduleCommand {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }
}
