package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import fr.labos.partenariats.schema.common.PartnershipForm;
import fr.labos.partenariats.schema.common.ResourceCategory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What came of an accepted introduction, possibly months later; several outcomes may follow one another.
 *
 * @param occurredOn the day it happened (not the day it was recorded)
 * @param form       for a partnership: its form; null otherwise
 * @param category   for a partnership: the resource it is about; null otherwise
 */
@Revision("1")
public record OutcomeRecordedEvent(String introductionId, Outcome outcome, LocalDate occurredOn, String note,
                                   PartnershipForm form, ResourceCategory category, Instant recordedAt) {
}
