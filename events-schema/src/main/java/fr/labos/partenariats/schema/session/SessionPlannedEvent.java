package fr.labos.partenariats.schema.session;

import fr.labos.partenariats.schema.common.TerritoryRef;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A facilitator planned a speed-meeting session: when, where, how many rounds and tables. */
@Revision("1")
public record SessionPlannedEvent(String sessionId, String title, TerritoryRef territory, String place,
                                  LocalDate date, LocalTime startsAt, int rounds, int minutesPerRound, int tables,
                                  String facilitatorSubject, Instant plannedAt) {
}
