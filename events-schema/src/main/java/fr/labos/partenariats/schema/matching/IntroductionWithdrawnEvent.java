package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The proposer withdrew an introduction before both sides accepted it. */
@Revision("1")
public record IntroductionWithdrawnEvent(String introductionId, String reason, Instant withdrawnAt) {
}
