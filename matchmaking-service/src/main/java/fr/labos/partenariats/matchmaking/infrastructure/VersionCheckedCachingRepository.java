package fr.labos.partenariats.matchmaking.infrastructure;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;

/**
 * Axon's caching repository, with the cached aggregate checked against the event store before a command uses it: its
 * version must be the last sequence number stored for it (one indexed {@code max} query), else it is evicted and
 * loaded again from its events.
 *
 * <p>Why the check: instances behind a load balancer without affinity each cache the aggregates they served. One
 * whose copy another instance has moved on from would not only fail to append (which the store refuses) — it would
 * first <em>decide</em> on an outdated state, and could refuse a command that is legal now (a meeting "before
 * acceptance" that the other instance has just recorded) without writing anything to be refused. Checking the version
 * costs a query without rows to deserialize; reading all the events is what the cache saves.
 */
public class VersionCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    public VersionCheckedCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore,
                                           Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        // Under the aggregate's lock: no other command of this instance puts or evicts it meanwhile.
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (!cached) {
            // Read from its events just now: nothing to check.
            return aggregate;
        }
        Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
        if (!Objects.equals(aggregate.version(), stored)) {
            // Changed elsewhere since it was cached: forget the copy, read the events.
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
