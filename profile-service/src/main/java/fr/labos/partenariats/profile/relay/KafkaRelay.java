package fr.labos.partenariats.profile.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends every event of profile-service's event store to Kafka, at least once and in order per aggregate.
 * <p>
 * It is a tracking processor over the event store: a batch of events is sent asynchronously, and the batch
 * commits (moving the token on) only once Kafka acknowledged every record of it. If Kafka is down, the batch
 * fails, the token stays, and the processor retries it with back-off: events published during an outage are
 * delivered after it. A retry may send a record twice; consumers are idempotent (aggregate sequence number).
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_ACKS = KafkaRelay.class.getName() + ".pendingAcks";

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration ackTimeout;
    private final Counter relayed;
    private final Counter failedBatches;

    public KafkaRelay(KafkaTemplate<String, String> kafka,
                      @Value("${lab.relay.topic}") String topic,
                      @Value("${lab.relay.ack-timeout:PT60S}") Duration ackTimeout,
                      MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.relayed = Counter.builder("lab.relay.events")
                .description("Events of profile-service acknowledged by Kafka")
                .tag("topic", topic)
                .register(meters);
        this.failedBatches = Counter.builder("lab.relay.failed.batches")
                .description("Batches Kafka did not acknowledge; each is retried, nothing is skipped")
                .tag("topic", topic)
                .register(meters);
    }

    @EventHandler
    void relay(Object payload, EventMessage<?> event) {
        ProducerRecord<String, String> record = toRecord(payload, event);
        pendingAcksOfThisBatch().add(kafka.send(record));
    }

    private ProducerRecord<String, String> toRecord(Object payload, EventMessage<?> event) {
        String key = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                event.getTimestamp().toEpochMilli(), key, toJson(payload));
        header(record, EventHeaders.EVENT_TYPE, EventCatalog.typeName(payload.getClass()));
        String revision = EventCatalog.revisionOf(payload.getClass());
        if (revision != null) {
            header(record, EventHeaders.EVENT_REVISION, revision);
        }
        header(record, EventHeaders.EVENT_ID, event.getIdentifier());
        header(record, EventHeaders.TIMESTAMP, event.getTimestamp().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            header(record, EventHeaders.AGGREGATE_ID, domain.getAggregateIdentifier());
            header(record, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(domain.getSequenceNumber()));
        }
        return record;
    }

    /**
     * The acknowledgements the current batch waits for. The first event of a batch registers the wait in the
     * batch's unit of work, before it commits: a failed or missing acknowledgement fails the whole batch.
     */
    private List<CompletableFuture<SendResult<String, String>>> pendingAcksOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, String>>> acks) {
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            relayed.increment(acks.size());
        } catch (InterruptedException e) {
            failedBatches.increment();
            Thread.currentThread().interrupt();
            throw new RelayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            failedBatches.increment();
            throw new RelayFailedException("Kafka did not acknowledge " + acks.size() + " events; the batch will be retried", e);
        }
    }

    private static String toJson(Object payload) {
        try {
            return EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Kafka did not take a batch; the tracking processor retries it. */
    static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
