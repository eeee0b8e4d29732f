package fr.labos.partenariats.platform.relay;

import fr.labos.partenariats.platform.axon.AsStoredJdbcEventStorageEngine;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the relay's tracking processor reads: the service's events as they are stored, payload and revision untouched
 * by the upcasters, when the service's engine can give them so ({@link AsStoredJdbcEventStorageEngine}, the services'
 * engine); otherwise the event store itself. The stored events are read through an event store of their own over the
 * same engine, tables and token format, woken up when the service's event store commits events, as Axon's store wakes
 * its own processors (events committed by another instance are found by polling, as there too).
 */
public class RelayEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final Supplier<EventStorageEngine> engine;
    private final Supplier<EventStore> eventStore;
    private volatile StreamableMessageSource<TrackedEventMessage<?>> source;
    private volatile AsStoredEventStore asStored;

    RelayEventSource(Supplier<EventStorageEngine> engine, Supplier<EventStore> eventStore) {
        this.engine = engine;
        this.eventStore = eventStore;
    }

    /** Whether the relay reads the events as stored; false when the engine is not the services' one (tests in memory). */
    boolean readsAsStored() {
        return source() instanceof AsStoredEventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return source().openStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return source().createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source().createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source().createTokenAt(dateTime);
    }

    /** Stops the stored events' store, once the processor has stopped. */
    void close() {
        if (asStored != null) {
            asStored.shutDown();
        }
    }

    private StreamableMessageSource<TrackedEventMessage<?>> source() {
        StreamableMessageSource<TrackedEventMessage<?>> current = source;
        if (current == null) {
            synchronized (this) {
                current = source;
                if (current == null) {
                    current = create();
                    source = current;
                }
            }
        }
        return current;
    }

    private StreamableMessageSource<TrackedEventMessage<?>> create() {
        EventStore store = eventStore.get();
        if (!(engine.get() instanceof AsStoredJdbcEventStorageEngine stored)) {
            return store;
        }
        AsStoredEventStore relayStore = new AsStoredEventStore(EmbeddedEventStore.builder().storageEngine(stored.asStored()));
        // The service's store tells its processors of its commits at once; the relay's store is told too.
        store.subscribe(events -> CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> relayStore.wakeUp())));
        asStored = relayStore;
        return relayStore;
    }

    /** An event store that only reads (nothing is published through it), woken up from outside. */
    private static final class AsStoredEventStore extends EmbeddedEventStore {

        AsStoredEventStore(Builder builder) {
            super(builder);
        }

        /** Events were committed: a consumer waiting at the head reads them now rather than at its next poll. */
        void wakeUp() {
            afterCommit(List.of());
        }
    }
}
