package fr.labos.partenariats.platform.relay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A batch the broker does not acknowledge in time fails as a whole and closes the relay's producer, which drops the
 * records it had not sent: none of them may reach the topic later, after a record of the batch that failed (the
 * retry sends them all again, in order). Kafka's side of it — records that never time out one by one — is the
 * producer's configuration ({@code EventRelayIntegrationTest}).
 */
class EventRelayBatchFailureTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    @SuppressWarnings("unchecked")
    private final ProducerFactory<String, String> producers = mock(ProducerFactory.class);
    private final EventRelay relay = new EventRelay(kafka, new RelayProperties("lab.test.events", "test-relay", 1, (short) 1,
            Duration.ofMillis(300)), new SimpleMeterRegistry(), List.of(), JacksonSerializer::defaultSerializer, () -> true);

    EventRelayBatchFailureTest() {
        when(kafka.getProducerFactory()).thenReturn(producers);
    }

    @Test
    void aBatchNotAcknowledgedInTimeFailsAndClosesTheProducerWithWhatItHadNotSent() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<SendResult<String, String>>());

        assertThatThrownBy(() -> relayInOneBatch("need-1", "need-2")).hasMessageContaining("did not acknowledge 2 events");

        verify(producers).reset();
    }

    @Test
    void aBatchAcknowledgedKeepsItsProducer() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));

        relayInOneBatch("need-3", "need-4");

        verify(producers, never()).reset();
    }

    private void relayInOneBatch(String... needIds) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.execute(() -> {
            for (String needId : needIds) {
                relay.relay(new GenericDomainEventMessage<>("Need", needId, 0, Map.of("needId", needId)));
            }
        });
    }
}
