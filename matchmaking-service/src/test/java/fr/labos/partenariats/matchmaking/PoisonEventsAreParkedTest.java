package fr.labos.partenariats.matchmaking;

import fr.labos.partenariats.matchmaking.projection.EventOutcome;
import fr.labos.partenariats.matchmaking.support.InMemoryMongo;
import fr.labos.partenariats.matchmaking.support.ProfileEventPublisher;
import fr.labos.partenariats.matchmaking.support.ProfileRecords;
import fr.labos.partenariats.matchmaking.support.RunningMatchmaking;
import fr.labos.partenariats.matchmaking.support.SharedKafka;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.common.ActorType;
import fr.labos.partenariats.schema.common.ResourceCategory;
import fr.labos.partenariats.schema.profile.ActorRegisteredEvent;
import fr.labos.partenariats.schema.profile.NeedRegisteredEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.labos.partenariats.matchmaking.support.Posts.post;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that no retry can apply are parked on the dead-letter topic with the reason and where they came from, are
 * counted, and do not hold back the records behind them in their partition.
 */
class PoisonEventsAreParkedTest {

    private static String topic;
    private static InMemoryMongo mongo;
    private static ProfileEventPublisher publisher;
    private static RunningMatchmaking service;

    @BeforeAll
    static void start() {
        topic = SharedKafka.newTopic("it.poison.profile.events");
        mongo = InMemoryMongo.start();
        publisher = new ProfileEventPublisher(SharedKafka.bootstrapServers(), topic);
        service = RunningMatchmaking.start(SharedKafka.bootstrapServers(), mongo.uri(), topic, "it-poison");
    }

    @AfterAll
    static void stop() {
        service.close();
        publisher.close();
        mongo.close();
    }

    @Test
    void unreadableUnknownAndInvalidRecordsGoToTheDeadLetterTopicAndTheOthersFlow() {
        String key = "a-poison";
        ProducerRecord<String, String> good = ProfileRecords.record(topic, key, 0,
                new ActorRegisteredEvent(key, "Uriopss", ActorType.NETWORK_HEAD, "38185", Set.of(), Set.of(), "", Instant.now()), Instant.now());
        ProducerRecord<String, String> unknownType = ProfileRecords.record(topic, key, 0,
                new ActorRegisteredEvent(key, "Inconnu", ActorType.COMPANY, "38185", Set.of(), Set.of(), "", Instant.now()), Instant.now());
        ProfileRecords.add(unknownType.headers(), EventHeaders.EVENT_TYPE, "ActorKnightedEvent");
        ProducerRecord<String, String> laterRevision = ProfileRecords.record(topic, key, 0,
                new ActorRegisteredEvent(key, "Révisé", ActorType.COMPANY, "38185", Set.of(), Set.of(), "", Instant.now()), Instant.now());
        ProfileRecords.add(laterRevision.headers(), EventHeaders.EVENT_REVISION, "99");
        // Readable JSON of a known type, but without the need's id: nothing to apply it to.
        ProducerRecord<String, String> noId = ProfileRecords.record(topic, key, 0,
                new NeedRegisteredEvent("n-poison", key, post(ResourceCategory.SKILLS).build(), Instant.now()), Instant.now());
        ProducerRecord<String, String> invalid = new ProducerRecord<>(topic, null, key,
                noId.value().replace("\"needId\":\"n-poison\",", ""), noId.headers());
        double poisonBefore = service.events(EventOutcome.POISON);
        double unknownBefore = service.events(EventOutcome.UNKNOWN_TYPE);

        // Same key, so same partition, all ahead of the good record.
        Map<Long, String> parked = new HashMap<>();
        parked.put(publisher.send(new ProducerRecord<>(topic, null, key, "{ not json", good.headers())).offset(), "not valid JSON");
        parked.put(publisher.send(unknownType).offset(), "unknown event type ActorKnightedEvent");
        parked.put(publisher.send(laterRevision).offset(), "revision 99 is not supported");
        parked.put(publisher.send(invalid).offset(), "NeedRegisteredEvent");
        RecordMetadata goodAt = publisher.send(good);
        assertThat(invalid.value()).doesNotContain("n-poison");

        await().atMost(ofSeconds(30)).untilAsserted(() ->
                assertThat(mongo.template().getCollection("actors").countDocuments(new Document("_id", key))).isEqualTo(1));
        assertThat(mongo.template().getCollection("needs").countDocuments()).isZero();
        await().atMost(ofSeconds(10)).untilAsserted(() -> {
            assertThat(service.events(EventOutcome.POISON)).isEqualTo(poisonBefore + 3);
            assertThat(service.events(EventOutcome.UNKNOWN_TYPE)).isEqualTo(unknownBefore + 1);
        });

        List<ConsumerRecord<String, String>> letters = deadLetters(4);
        assertThat(letters).hasSize(4);
        for (ConsumerRecord<String, String> letter : letters) {
            assertThat(letter.key()).isEqualTo(key);
            assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic.getBytes(StandardCharsets.UTF_8));
            assertThat(ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt()).isEqualTo(goodAt.partition());
            long offset = ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong();
            assertThat(parked).containsKey(offset);
            assertThat(new String(header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE), StandardCharsets.UTF_8)).contains(parked.get(offset));
            // The original headers travel along, so the record can be replayed as it was.
            assertThat(header(letter, EventHeaders.AGGREGATE_SEQUENCE)).isNotNull();
        }
        assertThat(letters).extracting(letter -> ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
                .containsExactlyInAnyOrderElementsOf(parked.keySet());
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static List<ConsumerRecord<String, String>> deadLetters(int expected) {
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic + ".DLT").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        return letters;
    }
}
