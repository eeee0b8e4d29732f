package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A scheduled meeting took place. */
@Revision("1")
public record MeetingHeldEvent(String introductionId, String meetingId, String note, Instant recordedAt) {
}
