package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A scheduled meeting did not take place.
 *
 * @param absentActorId the side that did not come, when it is known
 */
@Revision("1")
public record MeetingMissedEvent(String introductionId, String meetingId, String absentActorId, String note,
                                 Instant recordedAt) {
}
