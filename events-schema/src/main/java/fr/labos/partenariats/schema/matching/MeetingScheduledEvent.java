package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The two actors of an accepted introduction planned a meeting.
 *
 * @param location where the meeting takes place (an address, "visio"...), free text, optional
 */
@Revision("1")
public record MeetingScheduledEvent(String introductionId, String meetingId, Instant startsAt, String location,
                                    Instant scheduledAt) {
}
