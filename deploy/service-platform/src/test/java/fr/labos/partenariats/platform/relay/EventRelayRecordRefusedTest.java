package fr.labos.partenariats.platform.relay;

import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.profile.NeedFulfilledEvent;
import fr.labos.partenariats.schema.profile.NeedWithdrawnEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

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
 * An event Kafka's producer refuses before sending it (here over a small max.request.size), between two steps of
 * the same aggregate: the relay stops at it, and the step after it never reaches the topic ahead of it — consumers,
 * which skip a sequence they have passed, would have dropped it for good.
 */
@SpringBootTest(classes = EventRelayIntegrationTest.RelayingService.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "lab.relay.topic=" + EventRelayRecordRefusedTest.TOPIC,
                "lab.relay.processing-group=refused-relay",
                "axon.axonserver.enabled=false",
                "axon.serializer.general=jackson",
                "axon.eventhandling.processors.refused-relay.mode=tracking",
                "axon.eventhandling.processors.refused-relay.batch-size=50",
                "spring.kafka.producer.properties.max.request.size=4096"})
@AutoConfigureObservability
@EmbeddedKafka(kraft = true, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext // its relay keeps retrying the refused event until the context closes
class EventRelayRecordRefusedTest {

    static final String TOPIC = "lab.test.refused.events";

    @Autowired
    EventStore events;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MeterRegistry meters;

    @Test
    void theRelayStopsAtARefusedEventAndTheNextStepNeverOvertakesIt() {
        String needId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        events.publish(
                new GenericDomainEventMessage<>("Need", needId, 0, new NeedFulfilledEvent(needId, "actor-1", "trouvé", at)),
                new GenericDomainEventMessage<>("Need", needId, 1,
                        new NeedWithdrawnEvent(needId, "actor-1", "x".repeat(10_000), at)),
                new GenericDomainEventMessage<>("Need", needId, 2,
                        new NeedFulfilledEvent(needId, "actor-1", "retrouvé", at)));

        // Refused again at each retry of its batch.
        await().atMost(ofSeconds(60)).until(() -> meters.get("lab.relay.failed.batches").counter().count() >= 3);
        List<String> sequences = new ArrayList<>();
        Map<String, Object> config = KafkaTestUtils.consumerProps("refused-" + UUID.randomUUID(), "false", broker);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(TOPIC));
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    sequences.add(new String(record.headers().lastHeader(EventHeaders.AGGREGATE_SEQUENCE).value(),
                            StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(sequences).isNotEmpty().containsOnly("0"); // sent again with each retry: a repeat consumers skip
    }
}
