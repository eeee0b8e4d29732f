package fr.labos.partenariats.schema.session;

import fr.labos.partenariats.schema.common.TerritoryRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.LocalTime;

/** Plan a session (see {@link SessionPlannedEvent}). */
public record PlanSessionCommand(@TargetAggregateIdentifier String sessionId, String title, TerritoryRef territory, String place,
                                 LocalDate date, LocalTime startsAt, int rounds, int minutesPerRound, int tables,
                                 String facilitatorSubject) {
}
