package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The schedule changed: a facilitator moved, swapped or locked meetings, or rounds not yet started were re-planned after a live change; the meetings are the whole schedule as it now stands. */
@Revision("1")
public record ScheduleAdjustedEvent(String sessionId, List<ScheduledMeeting> meetings, ScheduleObjective objective, String reason,
                                    Instant adjustedAt) {

    public ScheduleAdjustedEvent {
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
    }
}
