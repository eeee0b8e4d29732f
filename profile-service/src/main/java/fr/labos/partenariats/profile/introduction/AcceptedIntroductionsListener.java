package fr.labos.partenariats.profile.introduction;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.platform.relay.RelayedHeaders;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventUpcasts;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns from {@code lab.matchmaking.events} which introductions both sides accepted. Only two event types matter
 * here: the proposal (which two actors) and the acceptance that completes the double opt-in; the others are passed
 * over. Each record is applied in one database transaction, and its offset is committed only after that transaction
 * ({@link IntroductionEventsConfiguration}): a crash in between redelivers it, which rewrites the same row.
 */
@Component
class AcceptedIntroductionsListener {

    private static final String PROPOSED = EventCatalog.typeName(IntroductionProposedEvent.class);
    private static final String ACCEPTED = EventCatalog.typeName(IntroductionAcceptedEvent.class);

    /** The length of the identifiers' columns of table introduced_pair. */
    private static final int ID_LENGTH = 64;

    private final IntroducedPairs pairs;
    private final TransactionTemplate transaction;

    AcceptedIntroductionsListener(IntroducedPairs pairs, TransactionTemplate transaction) {
        this.pairs = pairs;
        this.transaction = transaction;
    }

    @KafkaListener(id = "${lab.introductions.consumer.group-id:profile-introduced-contacts}",
            topics = "${lab.introductions.consumer.topic:lab.matchmaking.events}",
            containerFactory = IntroductionEventsConfiguration.CONTAINER_FACTORY,
            autoStartup = "${lab.introductions.consumer.enabled:true}")
    void on(ConsumerRecord<String, String> record) {
        String type = RelayedHeaders.text(record, EventHeaders.EVENT_TYPE);
        if (PROPOSED.equals(type)) {
            IntroductionProposedEvent proposed = read(record, IntroductionProposedEvent.class);
            requiredId(record, "introductionId", proposed.introductionId());
            requiredId(record, "actorId", proposed.actorId());
            requiredId(record, "partnerActorId", proposed.partnerActorId());
            transaction.executeWithoutResult(status ->
                    pairs.proposed(proposed.introductionId(), proposed.actorId(), proposed.partnerActorId()));
        } else if (ACCEPTED.equals(type)) {
            IntroductionAcceptedEvent accepted = read(record, IntroductionAcceptedEvent.class);
            requiredId(record, "introductionId", accepted.introductionId());
            required(record, "acceptedAt", accepted.acceptedAt());
            if (accepted.bothSidesAccepted()) {
                transaction.executeWithoutResult(status ->
                        pairs.bothAccepted(accepted.introductionId(), accepted.acceptedAt()));
            }
        }
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        String revision = RelayedHeaders.text(record, EventHeaders.EVENT_REVISION);
        if (revision == null || !EventUpcasts.canRead(type, revision)) {
            throw new UnreadableIntroductionEvent(record, "revision " + revision + " of " + type.getSimpleName()
                    + " is not known here");
        }
        try {
            T event = EventUpcasts.read(record.value(), type, revision);
            if (event == null) {
                throw new UnreadableIntroductionEvent(record, "no payload");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new UnreadableIntroductionEvent(record, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            // A record without a value (a tombstone) or one Jackson cannot map at all.
            throw new UnreadableIntroductionEvent(record, e.getMessage());
        }
    }

    /**
     * A field the row needs, checked before the transaction: the database would refuse a missing one (or the write
     * would fail before it), and the error handler retries database failures for ever, which would stop the partition
     * on a record that no retry can mend.
     */
    private static void required(ConsumerRecord<String, String> record, String field, Object value) {
        if (value == null) {
            throw new UnreadableIntroductionEvent(record, "no " + field);
        }
    }

    /** An identifier, which the table also keeps to {@value #ID_LENGTH} characters. */
    private static void requiredId(ConsumerRecord<String, String> record, String field, String value) {
        required(record, field, value);
        if (value.length() > ID_LENGTH) {
            throw new UnreadableIntroductionEvent(record, field + " longer than " + ID_LENGTH + " characters");
        }
    }

    /** A record this service cannot read: retrying would not help, so it is logged and passed over. */
    static class UnreadableIntroductionEvent extends RuntimeException {
        UnreadableIntroductionEvent(ConsumerRecord<String, String> record, String why) {
            super("unreadable record at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + why);
        }
    }
}
