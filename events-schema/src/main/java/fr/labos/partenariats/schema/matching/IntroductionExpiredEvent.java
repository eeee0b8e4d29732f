package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The two sides had not both accepted an introduction by its deadline: it is closed unanswered. */
@Revision("1")
public record IntroductionExpiredEvent(String introductionId, Instant expiredAt) {
}
