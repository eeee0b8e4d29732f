package fr.labos.partenariats.matchmaking.dashboard;

import fr.labos.partenariats.schema.matching.Outcome;

import java.time.LocalDate;

/** An outcome recorded for an introduction, and the day it happened. */
record RecordedOutcome(Outcome outcome, LocalDate occurredOn) {
}
