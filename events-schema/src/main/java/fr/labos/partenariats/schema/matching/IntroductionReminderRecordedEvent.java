package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A facilitator reminded a side of an open introduction (an answer awaited, a meeting to plan, an outcome to tell),
 * by phone, e-mail or in person, and noted it: the next facilitator to look sees that it was done, and when.
 *
 * @param remindedActorId the side reminded; null when both were
 * @param note            what was said or agreed, if anything
 */
@Revision("1")
public record IntroductionReminderRecordedEvent(String introductionId, String remindedActorId, ReminderChannel channel,
                                                String note, Instant recordedAt) {
}
