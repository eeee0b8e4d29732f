package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.projection.kafka.ProfileEventReader;
import fr.labos.partenariats.platform.relay.RelayedHeaders;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.PrincipalMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a record of {@code lab.matchmaking.events} for the introduction views. The topic carries other kinds of
 * events too (speed-meeting sessions, signed tree heads, types a newer release added): those are skipped, not parked,
 * since they are not this consumer's to judge (its listener counts the last apart). Only a record that claims to be an
 * introduction event and breaks the contract, or one with no type at all, is malformed.
 */
final class IntroductionEventReader {

    private static final Set<String> INTRODUCTION_TYPES = EventCatalog.matchingEvents().stream()
            .map(EventCatalog::typeName).collect(Collectors.toUnmodifiableSet());

    private IntroductionEventReader() {
    }

    /**
     * The introduction event, or empty for an event of another kind.
     *
     * @throws MalformedEventException if no retry can make the record readable
     */
    static Optional<IntroductionEvent> read(ConsumerRecord<String, String> record) {
        String type = ProfileEventReader.typeOf(record);
        if (type != null && !type.isBlank() && !INTRODUCTION_TYPES.contains(type)) {
            return Optional.empty();
        }
        // Same contract as the profile topic: type, revision, payload and aggregate sequence are checked there.
        ProfileEvent event = ProfileEventReader.read(record)
                .orElseThrow(() -> new MalformedEventException("unknown event type " + type));
        if (event.aggregateId() == null || event.aggregateId().isBlank()) {
            throw new MalformedEventException(type + " carries no introduction id (no key, no aggregate id header)");
        }
        return Optional.of(new IntroductionEvent(event.eventId(), event.type(), event.aggregateId(), event.sequence(),
                event.timestamp(), event.payload(),
                RelayedHeaders.text(record, PrincipalMetadata.SUBJECT_HEADER),
                RelayedHeaders.text(record, PrincipalMetadata.ROLE_HEADER),
                RelayedHeaders.text(record, PrincipalMetadata.ACTING_FOR_HEADER)));
    }

    static String typeOf(ConsumerRecord<?, ?> record) {
        return ProfileEventReader.typeOf(record);
    }
}
