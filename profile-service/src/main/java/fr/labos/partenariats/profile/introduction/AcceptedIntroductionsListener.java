package fr.labos.partenariats.profile.introduction;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventUpcasts;
import fr.labos.partenariats.schema.matching.IntroductionAcceptedEvent;
import fr.labos.partenariats.schema.matching.IntroductionProposedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;

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
        String type = header(record, EventHeaders.EVENT_TYPE);
        if (PROPOSED.equals(type)) {
            IntroductionProposedEvent proposed = read(record, IntroductionProposedEvent.class);
            transaction.executeWithoutResult(status ->
                    pairs.proposed(proposed.introductionId(), proposed.actorId(), proposed.partnerActorId()));
        } else if (ACCEPTED.equals(type)) {
            IntroductionAcceptedEvent accepted = read(record, IntroductionAcceptedEvent.class);
            if (accepted.bothSidesAccepted()) {
                transaction.executeWithoutResult(status ->
                        pairs.bothAccepted(accepted.introductionId(), accepted.acceptedAt()));
            }
        }
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        String revision = header(record, EventHeaders.EVENT_REVISION);
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
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record this service cannot read: retrying would not help, so it is logged and passed over. */
    static class UnreadableIntroductionEvent extends RuntimeException {
        UnreadableIntroductionEvent(ConsumerRecord<String, String> record, String why) {
            super("unreadable record at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + why);
        }
    }
}
