package fr.labos.partenariats.platform.relay;

import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import fr.labos.partenariats.schema.PrincipalMetadata;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on its own, over an Axon event store, to a real Kafka broker: keys, headers, JSON, who acted, and the
 * producer's guarantees whatever the service's producer settings say.
 */
@SpringBootTest(classes = EventRelayIntegrationTest.RelayingService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "lab.relay.topic=" + EventRelayIntegrationTest.TOPIC,
                "lab.relay.processing-group=test-relay",
                "axon.axonserver.enabled=false",
                "axon.serializer.general=jackson",
                "axon.eventhandling.processors.test-relay.mode=tracking",
                "axon.eventhandling.processors.test-relay.batch-size=50",
                // A service that asks for less must still get acks=all and idempotence from the relay.
                "spring.kafka.producer.acks=1",
                "spring.kafka.producer.properties.enable.idempotence=false",
                "spring.kafka.producer.properties.delivery.timeout.ms=3000",
                "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer"})
@AutoConfigureObservability
@EmbeddedKafka(kraft = true, partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EventRelayIntegrationTest {

    static final String TOPIC = "lab.test.events";

    @Autowired
    EventStore events;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventRelay relay;
    @Autowired
    EventProcessingConfiguration processing;

    private Consumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        Map<String, Object> config = KafkaTestUtils.consumerProps("relay-test-" + UUID.randomUUID(), "false", broker);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void anEventCarriesWhoActedInItsHeaders() {
        String needId = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>("Need", needId, 0,
                new NeedFulfilledEvent(needId, "actor-1", "partenaire trouvé", Instant.parse("2026-03-01T10:00:00Z")),
                MetaData.with(PrincipalMetadata.SUBJECT, "u-7f3c9a")
                        .and(PrincipalMetadata.ROLE, "FACILITATOR")
                        .and(PrincipalMetadata.ACTING_FOR, "actor-1")));

        ConsumerRecord<String, String> record = awaitRecordKeyed(needId);

        assertThat(header(record, PrincipalMetadata.SUBJECT_HEADER)).isEqualTo("u-7f3c9a");
        assertThat(header(record, PrincipalMetadata.ROLE_HEADER)).isEqualTo("FACILITATOR");
        assertThat(header(record, PrincipalMetadata.ACTING_FOR_HEADER)).isEqualTo("actor-1");
    }

    @Test
    void anEventWithoutAPrincipalHasNoPrincipalHeadersAndTheUsualOnes() throws Exception {
        String needId = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>("Need", needId, 3,
                new NeedWithdrawnEvent(needId, "actor-2", "complet", Instant.parse("2026-03-02T10:00:00Z")),
                MetaData.with(PrincipalMetadata.ROLE, "ADMIN")));

        ConsumerRecord<String, String> record = awaitRecordKeyed(needId);

        assertThat(header(record, PrincipalMetadata.SUBJECT_HEADER)).isNull();
        assertThat(header(record, PrincipalMetadata.ACTING_FOR_HEADER)).isNull();
        assertThat(header(record, PrincipalMetadata.ROLE_HEADER)).isEqualTo("ADMIN");
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("NeedWithdrawnEvent");
        assertThat(header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
        assertThat(header(record, EventHeaders.AGGREGATE_ID)).isEqualTo(needId);
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("3");
        assertThat(EventJson.mapper().readValue(record.value(), NeedWithdrawnEvent.class).reason()).isEqualTo("complet");
    }

    @Test
    void aServicesHeaderSourceAddsItsHeadersToTheEventsItKnowsAndNoneToTheOthers() {
        String fulfilled = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        events.publish(new GenericDomainEventMessage<>("Need", fulfilled, 0,
                new NeedFulfilledEvent(fulfilled, "actor-1", "partenaire trouvé", Instant.parse("2026-03-01T10:00:00Z"))));
        events.publish(new GenericDomainEventMessage<>("Need", withdrawn, 0,
                new NeedWithdrawnEvent(withdrawn, "actor-1", "complet", Instant.parse("2026-03-02T10:00:00Z"))));

        assertThat(header(awaitRecordKeyed(fulfilled), RelayingService.MARK_HEADER)).isEqualTo("fulfilled " + fulfilled);
        ConsumerRecord<String, String> other = awaitRecordKeyed(withdrawn);
        assertThat(header(other, RelayingService.MARK_HEADER)).isNull();
        assertThat(header(other, EventHeaders.EVENT_TYPE)).isEqualTo("NeedWithdrawnEvent");
    }

    @Test
    void theProducerKeepsItsGuaranteesWhateverTheServiceAsks() {
        assertThat(relay.producerConfiguration())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                // A record never fails alone by time, ahead of the next ones of its batch (EventRelayBatchFailureTest).
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    @Test
    void theRelayRunsInItsOwnTrackingProcessorWhoseFailuresPropagate() {
        assertThat(processing.eventProcessorByProcessingGroup("test-relay", TrackingEventProcessor.class)).isPresent();
        assertThat(processing.listenerInvocationErrorHandler("test-relay")).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler("test-relay")).isInstanceOf(PropagatingErrorHandler.class);
    }

    private ConsumerRecord<String, String> awaitRecordKeyed(String key) {
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            assertThat(received).anyMatch(r -> key.equals(r.key()));
        });
        List<ConsumerRecord<String, String>> keyed = received.stream().filter(r -> key.equals(r.key())).toList();
        assertThat(keyed).hasSize(1);
        return keyed.get(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The smallest service that relays: an Axon event store (in memory here) and the platform's auto-configuration. */
    @SpringBootApplication
    static class RelayingService {

        static final String MARK_HEADER = "test-mark";

        @Bean
        EventStorageEngine storageEngine() {
            return new InMemoryEventStorageEngine();
        }

        /** A service's own headers, on the events of one type only. */
        @Bean
        RecordHeaderSource fulfilmentMarks() {
            return event -> event.getPayload() instanceof NeedFulfilledEvent fulfilled
                    ? Map.of(MARK_HEADER, "fulfilled " + fulfilled.needId()) : Map.of();
        }
    }
}
