package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The scheduler drafted the rounds, tables and pairs, with the objective it reached. */
@Revision("1")
public record ScheduleGeneratedEvent(String sessionId, List<ScheduledMeeting> meetings, ScheduleObjective objective,
                                     Instant generatedAt) {

    public ScheduleGeneratedEvent {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }
}
