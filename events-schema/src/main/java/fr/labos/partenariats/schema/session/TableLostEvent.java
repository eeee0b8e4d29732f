package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A table of the session can no longer be used: no meeting of a round not yet started sits there (the meetings of
 * started rounds stay as they were held). Followed by the re-plan of the rounds not started, as a
 * {@link ScheduleAdjustedEvent}.
 */
@Revision("1")
public record TableLostEvent(String sessionId, int table, Instant lostAt) {
}
