package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One side declined an introduction, which ends it.
 *
 * @param actorId     the side that declined
 * @param explanation free text, optional
 */
@Revision("1")
public record IntroductionDeclinedEvent(String introductionId, String actorId, DeclineReason reason,
                                        String explanation, Instant declinedAt) {
}
