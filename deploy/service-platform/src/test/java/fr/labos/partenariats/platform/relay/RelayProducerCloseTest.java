package fr.labos.partenariats.platform.relay;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service stopped while its broker is away stops within seconds: closing the relay's producer gives up on the
 * records Kafka never acknowledged after {@link EventRelayAutoConfiguration#CLOSE_TIMEOUT} (the relay's token never
 * moved past them, so they go again after the restart), instead of waiting Spring's 30 s.
 */
class RelayProducerCloseTest {

    private static final String TOPIC = "lab.close.events";

    @Test
    void closingTheRelaysProducerWithTheBrokerGoneTakesSecondsNotHalfAMinute() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.afterPropertiesSet();
        // Deliveries kept waiting far longer than the close: what bounds the close is the close's own timeout.
        DefaultKafkaProducerFactory<String, String> producers = EventRelayAutoConfiguration.relayProducers(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000));
        KafkaTemplate<String, String> relay = new KafkaTemplate<>(producers);
        try {
            relay.send(new ProducerRecord<>(TOPIC, "need-1", "{\"relayed\": true}")).get(30, TimeUnit.SECONDS);
        } finally {
            broker.destroy();
        }
        CompletableFuture<?> unacknowledged = relay.send(new ProducerRecord<>(TOPIC, "need-2", "{\"relayed\": false}"));

        long start = System.nanoTime();
        producers.reset();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("the producer's close, the broker gone with a record unacknowledged")
                .isGreaterThanOrEqualTo(EventRelayAutoConfiguration.CLOSE_TIMEOUT.minusSeconds(1))
                .isLessThan(EventRelayAutoConfiguration.CLOSE_TIMEOUT.plusSeconds(10));
        assertThat(unacknowledged).as("the record Kafka never acknowledged is reported as not sent").isCompletedExceptionally();
    }
}
