package fr.labos.partenariats.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine, unchanged, that can also give the events as they are stored: the payload's data and
 * type (class name and revision) as the row holds them, the upcaster chain not applied. The relay publishes them so
 * (an event stored at an older revision goes out at that revision, with its stored JSON, which the consumers upcast
 * themselves), while aggregates and every other processor read the events upcast to the current revision.
 */
public class AsStoredJdbcEventStorageEngine extends JdbcEventStorageEngine {

    AsStoredJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    /**
     * The events after that token as {@link #readEvents(TrackingToken, boolean)} reads them (the same query, gaps and
     * batches), without the upcaster chain; their payloads are deserialized only if asked for.
     */
    public Stream<? extends TrackedEventMessage<?>> readEventsAsStored(TrackingToken trackingToken, boolean mayBlock) {
        return EventUtils.upcastAndDeserializeTrackedEvents(readEventData(trackingToken, mayBlock),
                getEventSerializer(), NoOpEventUpcaster.INSTANCE);
    }

    /** This engine whose tracking reads are {@linkplain #readEventsAsStored as stored}; everything else is this engine's. */
    public EventStorageEngine asStored() {
        AsStoredJdbcEventStorageEngine engine = this;
        return new EventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
                return engine.readEventsAsStored(trackingToken, mayBlock);
            }

            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                engine.appendEvents(events);
            }

            @Override
            public void storeSnapshot(DomainEventMessage<?> snapshot) {
                engine.storeSnapshot(snapshot);
            }

            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
            }

            @Override
            public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
                return engine.readSnapshot(aggregateIdentifier);
            }

            @Override
            public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                return engine.lastSequenceNumberFor(aggregateIdentifier);
            }

            @Override
            public TrackingToken createTailToken() {
                return engine.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return engine.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(Instant dateTime) {
                return engine.createTokenAt(dateTime);
            }
        };
    }
}
