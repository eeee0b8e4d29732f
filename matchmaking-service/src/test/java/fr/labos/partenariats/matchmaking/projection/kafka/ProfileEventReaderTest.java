package fr.labos.partenariats.matchmaking.projection.kafka;

import fr.labos.partenariats.matchmaking.projection.MalformedEventException;
import fr.labos.partenariats.matchmaking.projection.ProfileEvent;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorMemberJoinedEvent;
import fr.labos.partenariats.schema.profile.MemberRole;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading records of lab.profile.events by the producer's contract. */
class ProfileEventReaderTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:20:00Z");
    private static final NeedRegisteredEvent NEED = new NeedRegisteredEvent("n1", "a1",
            post(ResourceCategory.FUNDING).title("Financer une plateforme de mobilité").sdgs(8, 10).build(), AT);

    @Test
    void aRecordOfTheContractBecomesTheEventWithItsSequenceAndTimestamp() {
        ProfileEvent event = ProfileEventReader.read(consumed(ProfileRecords.record("t", "n1", 4, NEED, AT))).orElseThrow();

        assertThat(event.payload()).isEqualTo(NEED);
        assertThat(event.type()).isEqualTo("NeedRegisteredEvent");
        assertThat(event.aggregateId()).isEqualTo("n1");
        assertThat(event.sequence()).isEqualTo(4);
        assertThat(event.timestamp()).isEqualTo(AT);
        assertThat(event.eventId()).isNotBlank();
    }

    @Test
    void anUnknownTypeIsEmptyRatherThanAnError() {
        ProducerRecord<String, String> record = ProfileRecords.record("t", "n1", 0, NEED, AT);
        ProfileRecords.add(record.headers(), EventHeaders.EVENT_TYPE, "NeedBlessedEvent");

        assertThat(ProfileEventReader.read(consumed(record))).isEmpty();
        assertThat(ProfileEventReader.typeOf(consumed(record))).isEqualTo("NeedBlessedEvent");
    }

    @Test
    void aRecordWithoutSequenceIsMalformedBecauseIdempotenceNeedsIt() {
        ProducerRecord<String, String> record = ProfileRecords.record("t", "n1", 0, NEED, AT);
        record.headers().remove(EventHeaders.AGGREGATE_SEQUENCE);

        assertThatThrownBy(() -> ProfileEventReader.read(consumed(record)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining(EventHeaders.AGGREGATE_SEQUENCE);
    }

    @Test
    void unreadableJsonIsMalformed() {
        ProducerRecord<String, String> good = ProfileRecords.record("t", "n1", 0, NEED, AT);
        ProducerRecord<String, String> bad = new ProducerRecord<>("t", null, "n1", "{\"needId\": ", good.headers());

        assertThatThrownBy(() -> ProfileEventReader.read(consumed(bad))).isInstanceOf(MalformedEventException.class);
    }

    /**
     * The JSON text « null » is valid JSON that reads as no event: malformed (parked with the reason), not a
     * NullPointerException further on, which the projection would retry for ever and the index tail re-read for ever.
     */
    @Test
    void aPayloadOfJsonNullIsMalformed() {
        ProducerRecord<String, String> good = ProfileRecords.record("t", "n1", 0, NEED, AT);
        ProducerRecord<String, String> nothing = new ProducerRecord<>("t", null, "n1", "null", good.headers());

        assertThatThrownBy(() -> ProfileEventReader.read(consumed(nothing)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("null payload");
    }

    @Test
    void aRevisionNoUpcastLeadsFromIsMalformed() {
        ProducerRecord<String, String> record = ProfileRecords.record("t", "n1", 0, NEED, AT);
        ProfileRecords.add(record.headers(), EventHeaders.EVENT_REVISION, "2");

        assertThatThrownBy(() -> ProfileEventReader.read(consumed(record)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("revision 2");
    }

    @Test
    void aMemberWhoJoinedBeforeRolesExistedIsReadFromTheTopicAsAManager() {
        // As the relay wrote it then: revision 1, no role (the topic keeps it for ever).
        ProfileEvent event = ProfileEventReader.read(consumed(joinedWithoutRoleAtRevision("1"))).orElseThrow();

        assertThat(event.payload()).isEqualTo(new ActorMemberJoinedEvent("a1", "u-1", MemberRole.MANAGER,
                Instant.parse("2026-09-12T08:30:00Z")));
    }

    @Test
    void aNewerRevisionThanThisServiceReadsIsMalformed() {
        assertThatThrownBy(() -> ProfileEventReader.read(consumed(joinedWithoutRoleAtRevision("3"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("revision 3");
    }

    private static ProducerRecord<String, String> joinedWithoutRoleAtRevision(String revision) {
        Headers headers = ProfileRecords.headers(ActorMemberJoinedEvent.class, "a1", 1, AT);
        ProfileRecords.add(headers, EventHeaders.EVENT_REVISION, revision);
        return new ProducerRecord<>("t", null, "a1",
                "{\"actorId\":\"a1\",\"memberSubject\":\"u-1\",\"joinedAt\":\"2026-09-12T08:30:00Z\"}", headers);
    }

    @Test
    void aMissingTimestampFallsBackOnTheRecordsOwn() {
        ProducerRecord<String, String> record = ProfileRecords.record("t", "n1", 0, NEED, AT);
        record.headers().remove(EventHeaders.TIMESTAMP);

        Optional<ProfileEvent> event = ProfileEventReader.read(consumed(record, 1_700_000_000_000L));

        assertThat(event).get().extracting(ProfileEvent::timestamp).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        return consumed(sent, 0L);
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent, long timestamp) {
        Headers headers = sent.headers();
        return new ConsumerRecord<>(sent.topic(), 0, 0L, timestamp, TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), headers, Optional.empty());
    }
}
