package fr.labos.partenariats.matchmaking.support;

import fr.labos.partenariats.schema.PrincipalMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;

/**
 * Records of {@code lab.matchmaking.events} built the way the platform's relay builds them from an event of the
 * store: key and aggregate id header = the introduction id, record timestamp = the event's, the contract's headers
 * (type, revision, id, timestamp, aggregate sequence) and the acting principal's headers when there is one.
 */
public final class IntroductionRecords {

    private IntroductionRecords() {
    }

    /** Who acted: a pseudonymous subject, a role, and the actor acted for (null: none). */
    public record Principal(String subject, String role, String actingFor) {
    }

    public static ProducerRecord<String, String> record(String topic, String introductionId, long sequence, Object event,
                                                        Instant at, Principal principal) {
        Headers headers = ProfileRecords.headers(event.getClass(), introductionId, sequence, at);
        if (principal != null) {
            ProfileRecords.add(headers, PrincipalMetadata.SUBJECT_HEADER, principal.subject());
            ProfileRecords.add(headers, PrincipalMetadata.ROLE_HEADER, principal.role());
            if (principal.actingFor() != null) {
                ProfileRecords.add(headers, PrincipalMetadata.ACTING_FOR_HEADER, principal.actingFor());
            }
        }
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), introductionId, ProfileRecords.json(event), headers);
    }
}
