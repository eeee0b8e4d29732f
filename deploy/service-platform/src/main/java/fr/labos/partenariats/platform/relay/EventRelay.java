package fr.labos.partenariats.platform.relay;

import fr.labos.partenariats.schema.EventCatalog;
import fr.labos.partenariats.schema.EventHeaders;
import fr.labos.partenariats.schema.PrincipalMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sends every event of a service's event store to one Kafka topic, at least once and in order per aggregate.
 * <p>
 * It is a tracking processor over the event store: a batch of events is sent asynchronously, and the batch
 * commits (moving the token on) only once Kafka acknowledged every record of it. If Kafka is down, the batch
 * fails after {@link RelayProperties#ackTimeout}, the token stays, and the processor retries it with back-off: events
 * published during an outage are delivered after it. A retry may send a record twice; consumers are idempotent
 * (aggregate sequence number). A record never fails alone by time: the batch fails as a whole and the producer is
 * closed (what it still sends within the close's few seconds goes out in order, the rest is dropped), so that the
 * topic holds a batch's records in their order, a prefix of them at worst, before the retry sends them all again.
 * <p>
 * An event is published as the store holds it: its payload's JSON and its revision as stored, never the payload read
 * into the running code's classes and written again. Reading is lenient (unknown fields are ignored), so a
 * re-serialization would publish an event a newer release wrote (during a rolling upgrade) with its new fields dropped
 * under the old revision, which the topics, kept forever, would then give every rebuild. The payload is taken from the
 * store's serialized form through the store's own event serializer ({@link
 * org.axonframework.serialization.SerializedMessage#serializePayload}, which converts the stored data when the
 * serializer is the one that reads it) and is never deserialized by the relay. The relay's processor reads the events
 * without the upcasters ({@link RelayEventSource}): one stored at an older revision goes out at that revision with its
 * stored JSON, which the consumers upcast, and the hashes an introduction's history keeps over the stored bytes hold
 * on the topic.
 */
public class EventRelay {

    /** Who acted, from the event's metadata to the record's headers (see {@link PrincipalMetadata}). */
    private static final Map<String, String> PRINCIPAL_HEADERS = Map.of(
            PrincipalMetadata.SUBJECT, PrincipalMetadata.SUBJECT_HEADER,
            PrincipalMetadata.ROLE, PrincipalMetadata.ROLE_HEADER,
            PrincipalMetadata.ACTING_FOR, PrincipalMetadata.ACTING_FOR_HEADER);

    private final String pendingAcksKey;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final String processingGroup;
    private final Duration ackTimeout;
    private final Counter relayed;
    private final Counter failedBatches;
    private final List<RecordHeaderSource> headerSources;
    private final Supplier<Serializer> storeSerializer;
    private final BooleanSupplier topicReady;
    private volatile Serializer eventSerializer;

    /**
     * @param storeSerializer the serializer the event store reads events with (the same instance, asked for on the first
     *                        event): with it, Axon hands out the stored payload as it is; with another, it would
     *                        deserialize the payload and write it again
     * @param topicReady      whether the topic is there as configured ({@link RelayTopic#ready}): until it is, nothing
     *                        is sent, which would have the broker create it with its own defaults
     */
    EventRelay(KafkaTemplate<String, String> kafka, RelayProperties properties, MeterRegistry meters,
               List<RecordHeaderSource> headerSources, Supplier<Serializer> storeSerializer, BooleanSupplier topicReady) {
        this.kafka = kafka;
        this.topicReady = topicReady;
        this.storeSerializer = storeSerializer;
        this.headerSources = List.copyOf(headerSources);
        this.topic = properties.topic();
        this.processingGroup = properties.processingGroup();
        this.ackTimeout = properties.ackTimeout();
        this.pendingAcksKey = EventRelay.class.getName() + ".pendingAcks." + processingGroup;
        this.relayed = Counter.builder("lab.relay.events")
                .description("Events acknowledged by Kafka")
                .tag("topic", topic)
                .register(meters);
        this.failedBatches = Counter.builder("lab.relay.failed.batches")
                .description("Batches Kafka did not acknowledge; each is retried, nothing is skipped")
                .tag("topic", topic)
                .register(meters);
    }

    /** The Axon processing group this relay is assigned to. */
    public String processingGroup() {
        return processingGroup;
    }

    /** The configuration of the relay's producer, as Kafka gets it. */
    Map<String, Object> producerConfiguration() {
        return kafka.getProducerFactory().getConfigurationProperties();
    }

    /** Closes the relay's own producer once the processor has stopped. */
    void close() {
        kafka.getProducerFactory().reset();
    }

    /** No payload parameter: resolving one would deserialize the payload, which the relay never needs. */
    @EventHandler
    void relay(EventMessage<?> event) {
        if (!topicReady.getAsBoolean()) {
            // Held in the store, as for a broker out of reach: the processor tries the batch again later.
            failedBatches.increment();
            throw new RelayFailedException("Kafka topic " + topic + " is not known to be there yet; the relay waits for it",
                    null);
        }
        ProducerRecord<String, String> record = toRecord(event);
        CompletableFuture<SendResult<String, String>> ack;
        try {
            ack = kafka.send(record);
        } catch (KafkaException refused) {
            // Refused by the producer itself, before anything was sent (a record over max.request.size, say): the
            // batch stops at this event, so that no later step of the same aggregate reaches the topic before it
            // (consumers skip a sequence they have passed: it would be lost to them). Counted like a failed batch,
            // and retried like one: the relay holds here until the record is let through.
            // The batch's records queued before it never time out: let go with the producer, or each retry would
            // queue them once more.
            batchFailed();
            throw new RelayFailedException("Kafka's producer refused event " + event.getIdentifier() + " ("
                    + record.key() + "); the relay stops at it", refused);
        }
        pendingAcksOfThisBatch().add(ack);
    }

    private ProducerRecord<String, String> toRecord(EventMessage<?> event) {
        String key = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
        // As stored: the data and type (class name, revision) the store read, converted to text, not re-serialized.
        SerializedObject<String> payload = event.serializePayload(eventSerializer(), String.class);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                event.getTimestamp().toEpochMilli(), key, payload.getData());
        header(record, EventHeaders.EVENT_TYPE, typeName(payload.getType().getName()));
        String revision = payload.getType().getRevision();
        if (revision != null) {
            header(record, EventHeaders.EVENT_REVISION, revision);
        }
        header(record, EventHeaders.EVENT_ID, event.getIdentifier());
        header(record, EventHeaders.TIMESTAMP, event.getTimestamp().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            header(record, EventHeaders.AGGREGATE_ID, domain.getAggregateIdentifier());
            header(record, EventHeaders.AGGREGATE_SEQUENCE, Long.toString(domain.getSequenceNumber()));
        }
        PRINCIPAL_HEADERS.forEach((metadataKey, headerName) -> {
            Object value = event.getMetaData().get(metadataKey);
            if (value != null) {
                header(record, headerName, value.toString());
            }
        });
        headerSources.forEach(source -> source.headersOf(event).forEach((name, value) -> header(record, name, value)));
        return record;
    }

    private Serializer eventSerializer() {
        Serializer serializer = eventSerializer;
        if (serializer == null) {
            serializer = storeSerializer.get();
            eventSerializer = serializer;
        }
        return serializer;
    }

    /**
     * The acknowledgements the current batch waits for. The first event of a batch registers the wait in the
     * batch's unit of work, before it commits: a failed or missing acknowledgement fails the whole batch.
     */
    private List<CompletableFuture<SendResult<String, String>>> pendingAcksOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(pendingAcksKey, key -> {
            List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(acks));
            return acks;
        });
    }

    /**
     * Waits for every record of the batch (no {@code flush()}: it would wait for them without a bound, records never
     * giving up on their own). A batch that fails closes the producer: what it still sends in the close's few seconds
     * goes out in order, and what it had not sent by then is dropped, so that no record of the batch reaches the topic
     * after an earlier one failed; the retry sends them all again, in order.
     */
    private void awaitAll(List<CompletableFuture<SendResult<String, String>>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            relayed.increment(acks.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batchFailed();
            throw new RelayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            batchFailed();
            throw new RelayFailedException("Kafka did not acknowledge " + acks.size() + " events; the batch will be retried", e);
        }
    }

    /** A batch given up: counted, and the producer closed with what it had not sent (see {@link #awaitAll}). */
    private void batchFailed() {
        failedBatches.increment();
        kafka.getProducerFactory().reset();
    }

    /**
     * The name an event travels under ({@link EventCatalog#typeName}), from the class name the store holds: also for a
     * type the running code does not have (a newer release's), which consumers that do not know it skip.
     */
    static String typeName(String className) {
        return EventCatalog.typeForClassName(className).map(EventCatalog::typeName)
                .orElseGet(() -> className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1));
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
