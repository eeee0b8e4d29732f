package fr.labos.partenariats.schema.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A round started: its meetings can no longer move. */
@Revision("1")
public record RoundStartedEvent(String sessionId, int round, Instant startedAt) {
}
