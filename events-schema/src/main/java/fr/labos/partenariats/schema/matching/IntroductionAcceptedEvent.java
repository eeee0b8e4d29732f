package fr.labos.partenariats.schema.matching;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One side of an introduction accepted it. The introduction itself is accepted (double opt-in) when
 * {@code bothSidesAccepted}: from then on the two actors may meet and see each other's contact person.
 *
 * @param actorId the side that accepted
 */
@Revision("1")
public record IntroductionAcceptedEvent(String introductionId, String actorId, boolean bothSidesAccepted,
                                        Instant acceptedAt) {
}
