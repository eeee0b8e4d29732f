package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The schedule was published to the participants; from now on it changes only through live changes. */
@Revision("1")
public record SchedulePublishedEvent(String sessionId, Instant publishedAt) {
}
